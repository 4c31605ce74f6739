package cn.lantian.straw.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One satellite detection behind a fire point, as events carry it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceDetection(
        String satellite,
        String instrument,
        String acquiredAt,
        Location location,
        String confidence,
        Double frpMw,
        Double brightnessK) {}
