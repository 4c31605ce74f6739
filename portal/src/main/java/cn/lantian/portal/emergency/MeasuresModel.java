package cn.lantian.portal.emergency;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the pages each alert's domain measures as {@code domainMeasures} (alert id to measures by domain). */
@ControllerAdvice
class MeasuresModel {

    private final DomainMeasures measures;

    MeasuresModel(DomainMeasures measures) {
        this.measures = measures;
    }

    @ModelAttribute("domainMeasures")
    Map<String, List<DomainMeasures.InForce>> domainMeasures() {
        return measures.all();
    }
}
