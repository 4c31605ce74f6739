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
        assertThat(categories.all()).hasSize(6).allSatisfy(c -> assertThat(c.nameUg()).isNotBlank());
    }
}
