package cn.lantian.airquality.aqi;

/** The two reports of HJ 633: a natural day's (日报) and the past hour's (实时报). */
public enum Report {
    DAILY("daily"),
    REAL_TIME("realTime");

    private final String key;

    Report(String key) {
        this.key = key;
    }

    /** The name used in the data files. */
    public String key() {
        return key;
    }
}
