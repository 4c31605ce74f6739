package cn.lantian.airquality.alert;

/** Alert levels in rising order; NONE means no alert. */
public enum AlertLevel {
    NONE,
    YELLOW,
    ORANGE,
    RED;

    /** The name the event contract uses. */
    public String wire() {
        return name().toLowerCase();
    }

    /** Event severity of an alert at this level. */
    String severity() {
        return switch (this) {
            case RED -> "critical";
            case ORANGE -> "major";
            default -> "minor";
        };
    }

    static AlertLevel of(String wire) {
        return valueOf(wire.toUpperCase());
    }
}
