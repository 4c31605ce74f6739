package cn.lantian.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.portal.aqi.Categories;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every text a page shows exists in Chinese, English and Uyghur; Uyghur shows no Chinese through. */
class MessagesTests {

    private static final List<String> FILES = List.of("messages", "messages_zh", "messages_en", "messages_ug");

    /** Keys the templates build from data ('level.' + a.level ...), with every value the owners send. */
    private static final List<String> BUILT_KEYS = List.of(
            "level.blue",
            "level.yellow",
            "level.orange",
            "level.red",
            "status.on-track",
            "status.at-risk",
            "status.missed",
            "status.met",
            "indicator.goodDayShare",
            "indicator.heavyDayShare",
            "indicator.pm25Mean",
            "ultraLow.not-started",
            "ultraLow.started",
            "ultraLow.completed",
            "ultraLow.not-applicable",
            "permit.status.valid",
            "permit.status.revoked",
            "permit.status.expired",
            "industry.heating",
            "industry.building-materials",
            "industry.food",
            "industry.textiles",
            "industry.chemicals",
            "industry.cement",
            "industry.power",
            "industry.steel",
            "alerts.change.issued",
            "alerts.change.upgraded",
            "alerts.change.downgraded",
            "alerts.change.lifted",
            // Mobile's fraud signals (rules/inspection-fraud-signals.csv in mobile), shown in the reader's words.
            "code.signal.near-identical-process",
            "code.signal.retest-within-minutes",
            "code.signal.second-test-within-month",
            "code.signal.non-dynamometer-heavy",
            "code.signal.pass-rate-outlier",
            "code.signal.shared-obd-calibration");

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyLanguageHasEveryKeyWithAText() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String f : FILES) {
            all.addAll(keys(load(f)));
        }
        for (String f : FILES) {
            Properties p = load(f);
            assertThat(keys(p)).as("keys missing from %s.properties", f).containsAll(all);
            assertThat(all)
                    .as("%s.properties", f)
                    .allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "messages_zh", "messages_en", "messages_ug"})
    void everyKeyATemplateOrThePortalUsesExists(String file) throws IOException {
        Set<String> used = new TreeSet<>(BUILT_KEYS);
        Pattern literal = Pattern.compile("#\\{([A-Za-z0-9.\\-]+)}|msgOrNull\\('([A-Za-z0-9.\\-]+[A-Za-z0-9\\-])'\\)"
                + "|text\\(\"([A-Za-z0-9.\\-]+)\"");
        try (Stream<Path> files = Stream.concat(
                Files.walk(Path.of("src/main/resources/templates")),
                Files.walk(Path.of("src/main/java/cn/lantian/portal/pages")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    for (int g = 1; g <= 3; g++) {
                        if (m.group(g) != null) {
                            used.add(m.group(g));
                        }
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(keys(load(file))).as("keys missing from %s.properties", file).containsAll(used);
    }

    @Test
    void uyghurTextsShowNoChinese() throws IOException {
        Properties ug = load("messages_ug");
        assertThat(keys(ug))
                .allSatisfy(k -> assertThat(CJK.matcher(ug.getProperty(k)).find())
                        .as("Chinese characters in messages_ug %s=%s", k, ug.getProperty(k))
                        .isFalse());
    }

    @Test
    void alertMeasuresAndHealthAdviceExistInEveryLanguage() throws IOException {
        JsonNode levels;
        try (InputStream in = MessagesTests.class.getResourceAsStream("/data/alert-measures.json")) {
            levels = JsonMapper.builder().build().readTree(in).get("levels");
        }
        for (String level : levels.propertyNames()) {
            JsonNode l = levels.get(level);
            int zh = l.get("zh").size();
            assertThat(zh).as(level).isPositive();
            for (String lang : List.of("en", "ug")) {
                assertThat(l.has(lang)).as("%s measures in %s", level, lang).isTrue();
                assertThat(l.get(lang).size())
                        .as("%s measures in %s", level, lang)
                        .isEqualTo(zh);
            }
            l.get("ug")
                    .forEach(m -> assertThat(CJK.matcher(m.asString()).find())
                            .as(m.asString())
                            .isFalse());
        }
        Locale ug = Locale.forLanguageTag("ug");
        assertThat(Categories.load().all()).allSatisfy(c -> {
            assertThat(c.advice(ug)).isNotBlank().isNotEqualTo(c.advice(Locale.CHINESE));
            assertThat(CJK.matcher(c.advice(ug) + c.name(ug)).find())
                    .as(c.advice(ug))
                    .isFalse();
            assertThat(c.advice(Locale.ENGLISH)).isNotBlank();
        });
    }
}
