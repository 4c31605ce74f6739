package cn.lantian.airquality.aqi;

/**
 * An AQI band with its name, colour and health information in Chinese and English, as the standard's table gives it.
 *
 * @param max upper index of the band, or null for the open top band
 */
public record Category(int min, Integer max, String level, String levelEn, String nameZh, String nameEn, String colourZh,
        String colourEn, String rgb, String healthZh, String healthEn, String adviceZh, String adviceEn) {

    boolean contains(int aqi) {
        return aqi >= min && (max == null || aqi <= max);
    }
}
