package cn.lantian.greening.idleland;

import cn.lantian.reference.Placement;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;

/** An idle-land task as the API shows it: received from the dust service, then planned, then done. */
public record IdleLandTask(
        String taskId,
        String parcelId,
        double areaM2,
        LocalDate idleSince,
        LocalDate dueBy,
        String rule,
        String address,
        Double lon,
        Double lat,
        String jurisdiction,
        String corpsUnit,
        String status,
        String plannedOutcome,
        LocalDate plannedOn,
        String outcome,
        Double doneAreaM2,
        LocalDate completedOn,
        String greenedAreaId) {

    /** The same task in another state. */
    public IdleLandTask withStatus(String value) {
        return new IdleLandTask(
                taskId,
                parcelId,
                areaM2,
                idleSince,
                dueBy,
                rule,
                address,
                lon,
                lat,
                jurisdiction,
                corpsUnit,
                value,
                plannedOutcome,
                plannedOn,
                outcome,
                doneAreaM2,
                completedOn,
                greenedAreaId);
    }

    @JsonIgnore
    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
