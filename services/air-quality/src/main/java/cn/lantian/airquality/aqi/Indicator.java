package cn.lantian.airquality.aqi;

import java.util.Arrays;
import java.util.Optional;

/** A pollutant over an averaging period, named as in the data files and the calculator's parameters. */
public enum Indicator {
    SO2_24H("so2_24h", Pollutant.SO2),
    SO2_1H("so2_1h", Pollutant.SO2),
    NO2_24H("no2_24h", Pollutant.NO2),
    NO2_1H("no2_1h", Pollutant.NO2),
    PM10_24H("pm10_24h", Pollutant.PM10),
    PM10_1H("pm10_1h", Pollutant.PM10),
    CO_24H("co_24h", Pollutant.CO),
    CO_8H("co_8h", Pollutant.CO),
    CO_1H("co_1h", Pollutant.CO),
    O3_1H("o3_1h", Pollutant.O3),
    O3_8H("o3_8h", Pollutant.O3),
    PM25_24H("pm25_24h", Pollutant.PM25),
    PM25_1H("pm25_1h", Pollutant.PM25);

    private final String key;
    private final Pollutant pollutant;

    Indicator(String key, Pollutant pollutant) {
        this.key = key;
        this.pollutant = pollutant;
    }

    /** The name used in data files and query parameters, e.g. {@code pm25_24h}. */
    public String key() {
        return key;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    /** CO is given in mg/m³, everything else in µg/m³. */
    public String unit() {
        return pollutant == Pollutant.CO ? "mg/m³" : "µg/m³";
    }

    /** The indicator of that key, if any. */
    public static Optional<Indicator> ofKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }
}
