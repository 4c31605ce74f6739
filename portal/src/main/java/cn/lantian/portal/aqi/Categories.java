package cn.lantian.portal.aqi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The AQI categories of HJ 633 (names, colours, advice), read from {@code data/aqi-categories.json}. */
public final class Categories {

    private final List<Category> categories;

    private Categories(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    /** One category: number 1-6, its AQI range, names, colour and the text colour readable on it. */
    public record Category(
            int number,
            int min,
            Integer max,
            String nameZh,
            String nameEn,
            String nameUg,
            String rgb,
            String textRgb,
            String adviceZh,
            String adviceEn,
            String adviceUg) {

        /** The category's name in the language of {@code locale} (Chinese unless English or Uyghur). */
        public String name(Locale locale) {
            return switch (locale.getLanguage()) {
                case "en" -> nameEn;
                case "ug" -> nameUg;
                default -> nameZh;
            };
        }

        /** Health advice in the language of {@code locale} (Chinese unless English or Uyghur). */
        public String advice(Locale locale) {
            return switch (locale.getLanguage()) {
                case "en" -> adviceEn;
                case "ug" -> adviceUg;
                default -> adviceZh;
            };
        }
    }

    /** Loads the bundled table. */
    public static Categories load() {
        try (InputStream in = Categories.class.getResourceAsStream("/data/aqi-categories.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Category> list = new ArrayList<>();
            for (JsonNode c : root.get("categories")) {
                int n = c.get("category").asInt();
                JsonNode max = c.get("max");
                list.add(new Category(
                        n,
                        c.get("min").asInt(),
                        max == null || max.isNull() ? null : max.asInt(),
                        c.get("nameZh").asString(),
                        c.get("nameEn").asString(),
                        c.get("nameUg").asString(),
                        c.get("rgb").asString(),
                        root.get("textOn").get(String.valueOf(n)).asString(),
                        c.get("adviceZh").asString(),
                        c.get("adviceEn").asString(),
                        c.get("adviceUg").asString()));
            }
            return new Categories(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every category, mildest first. */
    public List<Category> all() {
        return categories;
    }

    /** The category of an AQI value, empty for null. */
    public Optional<Category> of(Integer aqi) {
        if (aqi == null) {
            return Optional.empty();
        }
        return categories.stream()
                .filter(c -> aqi >= c.min() && (c.max() == null || aqi <= c.max()))
                .findFirst();
    }

    /** The category with this number (1-6). */
    public Optional<Category> number(int number) {
        return categories.stream().filter(c -> c.number() == number).findFirst();
    }
}
