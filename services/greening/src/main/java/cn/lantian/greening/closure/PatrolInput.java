package cn.lantian.greening.closure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A ranger patrol of a closure area and the violations it found inside. */
public record PatrolInput(LocalDate patrolledOn, Integer rangers, Double distanceKm, String note, List<Found> violations) {

    /** A violation found inside the area. */
    public record Found(String kind, OffsetDateTime foundAt, Double lon, Double lat, String description) {
    }
}
