package cn.lantian.greening.closure;

import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A ranger patrol of a closure area and the violations it found inside. */
public record PatrolInput(
        LocalDate patrolledOn,
        Integer rangers,
        Double distanceKm,
        @Size(max = TextLength.TEXT) String note,
        List<@Valid Found> violations) {

    /** A violation found inside the area. */
    public record Found(
            @Size(max = TextLength.CODE) String kind,
            OffsetDateTime foundAt,
            Double lon,
            Double lat,
            @Size(max = TextLength.TEXT) String description) {}
}
