package cn.lantian.airquality.aqi;

/**
 * An AQI band with its name, colour and health information as the standard's table gives it, in Chinese and English
 * and, where the data file has them, Uyghur ({@code *Ug}, null otherwise).
 *
 * @param max upper index of the band, or null for the open top band
 */
public record Category(
        int min,
        Integer max,
        String level,
        String levelEn,
        String nameZh,
        String nameEn,
        String nameUg,
        String colourZh,
        String colourEn,
        String rgb,
        String healthZh,
        String healthEn,
        String healthUg,
        String adviceZh,
        String adviceEn,
        String adviceUg) {

    boolean contains(int aqi) {
        return aqi >= min && (max == null || aqi <= max);
    }
}
