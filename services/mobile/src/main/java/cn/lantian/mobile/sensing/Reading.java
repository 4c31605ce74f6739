package cn.lantian.mobile.sensing;

import java.time.Instant;

/**
 * One remote-sensing or roadside reading.
 *
 * @param check remote-sensing or roadside
 * @param opacity smoke opacity, %, or null where not measured
 * @param ringelmann Ringelmann smoke grade, or null
 * @param nox NOx, ppm, or null
 * @param speed km/h, or null
 * @param acceleration m/s², or null
 * @param wind m/s, or null
 */
public record Reading(
        String plate,
        Instant at,
        double lon,
        double lat,
        String check,
        Double opacity,
        Double ringelmann,
        Double nox,
        Double speed,
        Double acceleration,
        Double wind) {

    /** The measured value of a pollutant, or null. */
    Double value(String pollutant) {
        return switch (pollutant) {
            case "opacity" -> opacity;
            case "ringelmann" -> ringelmann;
            case "nox" -> nox;
            default -> null;
        };
    }

    /** The measured value of a validity condition (speed, acceleration, wind), or null. */
    Double condition(String name) {
        return switch (name) {
            case "speed" -> speed;
            case "acceleration" -> acceleration;
            case "wind" -> wind;
            default -> null;
        };
    }
}
