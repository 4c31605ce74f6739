package cn.lantian.portal.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CategoriesTests {

    private final Categories categories = Categories.load();

    @Test
    void placesIndicesOnTheHj633BoundariesInclusive() {
        assertThat(categories.of(0).orElseThrow().number()).isEqualTo(1);
        assertThat(categories.of(50).orElseThrow().number()).isEqualTo(1);
        assertThat(categories.of(51).orElseThrow().number()).isEqualTo(2);
        assertThat(categories.of(200).orElseThrow().number()).isEqualTo(4);
        assertThat(categories.of(201).orElseThrow().number()).isEqualTo(5);
        assertThat(categories.of(301).orElseThrow().number()).isEqualTo(6);
        assertThat(categories.of(500).orElseThrow().number()).isEqualTo(6);
        assertThat(categories.of(null)).isEmpty();
    }

    @Test
    void namesEachCategoryInThreeLanguagesWithAReadableTextColour() {
        var heavy = categories.number(5).orElseThrow();
        assertThat(heavy.rgb()).isEqualTo("#99004C");
        assertThat(heavy.textRgb()).isEqualTo("#FFFFFF");
        assertThat(heavy.name(Locale.CHINESE)).isEqualTo("重度污染");
        assertThat(heavy.name(Locale.ENGLISH)).isEqualTo("Heavily polluted");
        assertThat(heavy.name(Locale.forLanguageTag("ug"))).isNotBlank().isNotEqualTo("重度污染");
        assertThat(categories.all())
                .hasSize(6)
                .allSatisfy(c -> assertThat(c.nameUg()).isNotBlank());
    }

    /** WCAG 2.2 success criterion 1.4.3 (contrast, minimum): 4.5:1 for normal text. */
    private static final double WCAG_AA_NORMAL_TEXT = 4.5;

    @Test
    void everyCategoryBadgeHasSufficientContrast() {
        assertThat(categories.all())
                .allSatisfy(c -> assertThat(contrast(c.rgb(), c.textRgb()))
                        .as("category %d: %s on %s", c.number(), c.textRgb(), c.rgb())
                        .isGreaterThanOrEqualTo(WCAG_AA_NORMAL_TEXT));
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Relative luminance as WCAG defines it, from sRGB "#RRGGBB". */
    private static double luminance(String rgb) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(rgb.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}
