package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The new domains' pages as a visitor sees them (construction sites and dust violations, fire points, greened and
 * sand-closure areas, vehicle inspection stations' pass rates and confirmed fraud cases): a map layer and lists at desktop and phone width in Chinese, English and Uyghur, with nothing of
 * the owners' private fields. Screenshots land in {@code target/screenshots/domains/}.
 */
class DomainPagesBrowserIntegrationTests extends PortalTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** The owners' codes, which must show as words. */
    private static final List<String> CODES = List.of(
            "earthwork",
            "suspended",
            "monitored",
            "not-required",
            "monitor-alarm",
            "burning-confirmed",
            "three-north",
            "national",
            "handled",
            "pass-rate-outlier",
            "retest-within-minutes");
    /** Private fields the stand-in owners send along. */
    private static final List<String> PRIVATE = List.of("PRIVATE", "91653101MA");

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(Path.of("target", "screenshots", "domains"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void desktopAgain() {
        browser.size(Browser.DESKTOP);
    }

    private void open(String path) {
        browser.driver.get("http://127.0.0.1:" + port + path);
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    private List<String> attributes(String css, String attribute) {
        return browser.driver.findElements(By.cssSelector(css)).stream()
                .map(e -> e.getAttribute(attribute))
                .toList();
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh,1280", "en,1280", "ug,1280", "zh,390", "en,390", "ug,390"})
    void everyDomainPageInEveryLanguageAtDesktopAndPhoneWidth(String lang, int width) throws Exception {
        browser.size(width == 390 ? Browser.PHONE : Browser.DESKTOP);
        browser.consoleErrors();
        for (String page : List.of("/dust", "/straw", "/greening", "/mobile")) {
            open(page + "?lang=" + lang);
            String where = page + " " + lang + " " + width;
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                    .as(where)
                    .isEqualTo(lang);
            assertThat(browser.driver.findElements(By.cssSelector(".notice")))
                    .as(where + " has all its data")
                    .isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("svg.map")))
                    .as(where)
                    .hasSize(1);
            assertThat(browser.driver
                            .findElement(By.cssSelector("nav a[aria-current='page']"))
                            .getAttribute("href"))
                    .as(where)
                    .endsWith(page);
            String body = text("main");
            // In English a code may be a plain word ("Being handled"); the hyphenated ones never are.
            List<String> codes = "en".equals(lang)
                    ? CODES.stream().filter(c -> c.contains("-")).toList()
                    : CODES;
            assertThat(codes)
                    .as(where + " shows no codes")
                    .allSatisfy(code ->
                            assertThat(body).doesNotContainPattern("(?<![\\w-])" + Pattern.quote(code) + "(?![\\w-])"));
            assertThat(PRIVATE)
                    .as(where)
                    .allSatisfy(p -> assertThat(browser.driver.getPageSource()).doesNotContain(p));
            if ("ug".equals(lang)) {
                for (WebElement e : browser.driver.findElements(
                        By.cssSelector("main h1, main h2, thead th, .legend li, .monitor, .signal"))) {
                    assertThat(HAN.matcher(e.getText()).find())
                            .as(where + ": " + e.getText())
                            .isFalse();
                }
            }
            if (width == 390) {
                int overflow = browser.sidewaysOverflow();
                if (overflow > 0) {
                    browser.shoot("overflow-" + lang + page.replace('/', '-'));
                }
                assertThat(overflow).as(where + ": " + browser.outside()).isLessThanOrEqualTo(0);
            }
            browser.shoot(page.substring(1) + "-" + lang + "-" + width);
            assertThat(browser.consoleErrors()).as(where).isEmpty();
        }
    }

    @Test
    void constructionSitesShowTheirMonitorStatusAndPm10OnTheMapAndInTheList() {
        open("/dust?lang=en");
        assertThat(attributes("svg.map circle[data-marker]", "data-marker"))
                .containsExactly("site-0001", "site-0002", "site-0003");
        assertThat(browser.driver
                        .findElement(By.cssSelector("circle[data-marker='site-0002']"))
                        .getAttribute("fill"))
                .isEqualTo("#ef8f00");
        WebElement first = browser.driver.findElement(By.id("item-site-0001"));
        assertThat(first.findElement(By.cssSelector(".monitor")).getText()).isEqualTo("Reporting");
        assertThat(first.findElement(By.cssSelector(".pm10")).getText()).isEqualTo("182.4");
        assertThat(first.findElements(By.cssSelector(".stale")))
                .as("this hour's value")
                .isEmpty();
        WebElement silent = browser.driver.findElement(By.id("item-site-0002"));
        assertThat(silent.getText()).contains("Stopped reporting", "Suspended", "Structure");
        assertThat(silent.findElement(By.cssSelector(".stale")).getText()).contains("Stale", "days ago");
        assertThat(text("#item-site-0003")).contains("Not required", "Tumxuk");
        assertThat(text("#violations")).contains("Monitor alarm", "责令停工整改");
        open("/dust?lang=zh");
        assertThat(text("#item-site-0001")).contains("正常上报", "土方", "喀什市");
    }

    @Test
    void todaysFirePointsComeFirstAndOnTheMapInTheirOwnColour() {
        open("/straw?lang=en");
        assertThat(attributes("#today-fires [data-fire]", "data-fire")).containsExactly("inc-today");
        assertThat(attributes("#earlier-fires [data-fire]", "data-fire")).containsExactly("inc-earlier");
        assertThat(browser.driver
                        .findElement(By.cssSelector("circle[data-marker='inc-today']"))
                        .getAttribute("fill"))
                .isEqualTo("#d84315");
        assertThat(browser.driver
                        .findElement(By.cssSelector("circle[data-marker='inc-earlier']"))
                        .getAttribute("fill"))
                .isEqualTo("#9e9e9e");
        assertThat(text("#item-inc-today")).contains("Being handled", "Not yet checked", "During an alert", "VIIRS");
        assertThat(text("#item-inc-earlier")).contains("Handled", "Burning confirmed", "Straw");
        open("/straw?lang=ug");
        assertThat(text("#item-inc-earlier")).contains("كۆيدۈرۈش جەزملەشتى", "سامان");
    }

    @Test
    void greenedAndClosureAreasAreDrawnAndListed() {
        open("/greening?lang=en");
        assertThat(attributes("svg.map path[data-area]", "data-area")).containsExactly("proj-01", "closure-01");
        assertThat(text("#item-proj-01")).contains("Three-North shelter forest", "2026", "280.5", "4,208", "86.4 %");
        assertThat(text("#item-closure-01")).contains("National", "2019", "5,200.0");
        open("/greening?lang=ug");
        assertThat(text("#item-proj-01")).contains("ئۈچ شىمال قوغداش ئورمىنى");
    }

    @Test
    void inspectionStationsShowTheirPassRatesByCountyOnTheMapAndConfirmedFraudWithPlatesMasked() {
        open("/mobile?lang=en");
        // No address is known: the counties with stations are drawn, Shache's in the colour of confirmed fraud.
        assertThat(attributes("svg.map path[data-area]", "data-area")).contains("unit-653101", "unit-653125");
        assertThat(browser.driver
                        .findElement(By.cssSelector("path[data-area='unit-653125']"))
                        .getAttribute("class"))
                .contains("im-fraud");
        assertThat(browser.driver
                        .findElement(By.cssSelector("path[data-area='unit-653101']"))
                        .getAttribute("class"))
                .contains("im-clean");
        assertThat(text("#period-from")).isEqualTo("2025-12-07");
        assertThat(text("#item-ims-653101-01")).contains("XJ-JC-653101-01", "Kashgar City", "1,200", "1,110", "92.5 %");
        assertThat(text("#item-ims-653125-02 .rate")).isEqualTo("98.8 %");
        assertThat(text("#item-ims-653125-02 .fraud")).isEqualTo("2");
        assertThat(text("#item-ims-xpcc-3-01 .rate")).as("no tests, no rate").isEqualTo("—");
        assertThat(text("#item-unit-653125")).contains("800", "790", "98.8 %");
        WebElement retest = browser.driver.findElement(By.cssSelector("[data-case='retest-within-minutes/t-000123']"));
        assertThat(retest.getText()).contains("Retest within minutes of a failure", "新Q·****4", "2026-11-25");
        // The stand-in sent this plate whole: the portal masks it in the list and in the note.
        assertThat(browser.driver.getPageSource()).doesNotContain("A1234").doesNotContain("PRIVATE");
        assertThat(text("#fraud-cases")).contains("Pass rate far above the prefecture's median");
        open("/mobile?lang=ug");
        assertThat(text("[data-case='pass-rate-outlier/ims-653125-02'] .signal"))
                .isEqualTo("لاياقەتلىك نىسبىتى ۋىلايەت ئوتتۇرا سانىدىن كۆپ يۇقىرى");
        open("/mobile?lang=zh");
        assertThat(text("#item-ims-653101-01")).contains("喀什市", "92.5 %");
    }
}
