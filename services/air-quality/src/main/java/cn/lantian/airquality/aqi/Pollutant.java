package cn.lantian.airquality.aqi;

/** The six pollutants the indices rate, with the names the national centre publishes for primary pollutants. */
public enum Pollutant {
    SO2("二氧化硫", "SO2"),
    NO2("二氧化氮", "NO2"),
    PM10("颗粒物(PM10)", "PM10"),
    CO("一氧化碳", "CO"),
    O3("臭氧", "O3"),
    PM25("细颗粒物(PM2.5)", "PM2.5");

    private final String nameZh;
    private final String label;

    Pollutant(String nameZh, String label) {
        this.nameZh = nameZh;
        this.label = label;
    }

    /** The Chinese name as published, e.g. 颗粒物(PM10). */
    public String nameZh() {
        return nameZh;
    }

    /** The short label, e.g. PM2.5. */
    public String label() {
        return label;
    }
}
