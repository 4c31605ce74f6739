package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import cn.lantian.portal.upstream.AirQuality;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The pages as a visitor sees them, at desktop and phone width in Chinese, English and Uyghur: targets measured beside
 * dust-deducted, alerts with their level history and lifted ones under history, enterprises searched, filtered and
 * paged, tables that keep names whole. Screenshots land in {@code target/screenshots/pages/}.
 */
@TestPropertySource(properties = "lantian.portal.pages.enterprises-per-page=1")
class PagesBrowserIntegrationTests extends PortalTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Codes that must never show as text: indicator, status, level, industry and ultra-low codes. */
    private static final List<String> CODES =
            List.of("goodDayShare", "heavyDayShare", "pm25Mean", "on-track", "at-risk", "not-started", "cement");
    /** English words that are codes on a Chinese or Uyghur page. */
    private static final List<String> ENGLISH_CODES = List.of("upgraded", "issued", "lifted", "orange", "yellow");

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    AirQuality airQuality;

    @Autowired
    MessageSource messages;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(Path.of("target", "screenshots", "pages"));
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

    private String viewBox(WebElement svg) {
        return (String) browser.driver.executeScript("return arguments[0].getAttribute('viewBox');", svg);
    }

    private String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh,1280", "en,1280", "ug,1280", "zh,390", "en,390", "ug,390"})
    void everyPageInEveryLanguageAtDesktopAndPhoneWidth(String lang, int width) throws Exception {
        browser.size(width == 390 ? Browser.PHONE : Browser.DESKTOP);
        browser.consoleErrors();
        for (String page : List.of("/", "/targets", "/alerts", "/enterprises", "/stations/2700A", "/counties/653101")) {
            open(page + "?lang=" + lang);
            String where = page + " " + lang + " " + width;
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                    .as(where)
                    .isEqualTo(lang);
            assertThat(text("h1")).as(where).isNotBlank();
            assertThat(browser.driver.findElements(By.cssSelector(".notice")))
                    .as(where + " has all its data")
                    .isEmpty();
            String body = text("main");
            assertThat(CODES)
                    .as(where + " shows no codes")
                    .allSatisfy(code -> assertThat(body).doesNotContain(code));
            if (!"en".equals(lang)) {
                assertThat(ENGLISH_CODES)
                        .as(where + " shows no codes")
                        .allSatisfy(code -> assertThat(body).doesNotContain(code));
            }
            if ("ug".equals(lang)) {
                // Table headers, headings and labels are Uyghur; only proper names (stations, enterprises) may be
                // Chinese.
                for (WebElement e : browser.driver.findElements(
                        By.cssSelector("main h2[id], main h4, thead th, dt, label > span, .alert-history li"))) {
                    assertThat(HAN.matcher(e.getText()).find())
                            .as(where + ": " + e.getText())
                            .isFalse();
                }
                assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("dir"))
                        .isEqualTo("rtl");
            }
            if (width == 390) {
                int overflow = browser.sidewaysOverflow();
                if (overflow > 0) {
                    browser.shoot("overflow-" + lang + page.replace('/', '-'));
                }
                assertThat(overflow).as(where + ": " + browser.outside()).isLessThanOrEqualTo(0);
            }
            browser.shoot((page.equals("/") ? "home" : page.substring(1).replace('/', '-')) + "-" + lang + "-" + width);
            assertThat(browser.consoleErrors()).as(where).isEmpty();
        }
    }

    @Test
    void targetsShowMeasuredAndDustDeductedSideBySideWithReadableNames() {
        open("/targets?lang=en");
        WebElement pm25 = browser.driver.findElements(By.cssSelector("#targets tbody tr")).stream()
                .filter(r -> r.getText().contains("PM2.5 mean (µg/m³)"))
                .findFirst()
                .orElseThrow();
        assertThat(pm25.findElement(By.cssSelector(".measured")).getText()).isEqualTo("58.3");
        assertThat(pm25.findElement(By.cssSelector(".dust-deducted")).getText()).isEqualTo("49.1");
        assertThat(text("#targets thead")).contains("Measured", "Dust deducted");
        assertThat(text("#dust-note")).contains("dust");
        open("/targets?lang=ug");
        assertThat(text("#targets tbody")).contains("PM2.5 ئوتتۇرىچە (µg/m³)", "ياخشى كۈن نىسبىتى");
    }

    @Test
    void alertsShowTheirLevelHistoryAndLiftedOnesOnlyUnderHistory() throws Exception {
        open("/alerts?lang=zh");
        List<WebElement> sections = browser.driver.findElements(By.cssSelector("main > section"));
        WebElement current = sections.get(0);
        WebElement past = sections.get(1);
        assertThat(current.findElements(By.cssSelector("[data-alert]")))
                .extracting(e -> e.getAttribute("data-alert"))
                .containsExactly("alert-653126-20241110");
        // A lifted drill is history too, marked as a drill; the real episode carries no mark.
        assertThat(past.findElements(By.cssSelector("[data-alert]")))
                .extracting(e -> e.getAttribute("data-alert"), e -> e.getAttribute("data-drill"))
                .containsExactlyInAnyOrder(
                        tuple("alert-653130-20241201", "true"), tuple("alert-653101-20240402", "false"));
        List<WebElement> steps = current.findElements(By.cssSelector(".alert-history li"));
        assertThat(steps)
                .extracting(WebElement::getText)
                .containsExactly("2024-11-08 18:00 发布 黄色", "2024-11-09 18:00 升级 橙色");
        assertThat(past.findElements(By.cssSelector("[data-alert='alert-653101-20240402'] .alert-history li")))
                .extracting(e -> e.getAttribute("data-action"))
                .containsExactly("issued", "lifted");
        // A county's page too keeps its lifted alert out of the alerts in force.
        open("/counties/653101?lang=zh");
        assertThat(browser.driver.findElements(By.cssSelector(".past-alerts [data-alert]")))
                .extracting(e -> e.getAttribute("data-alert"))
                .containsExactly("alert-653101-20240402");
        assertThat(browser.driver.findElements(By.cssSelector("[data-alert]"))).hasSize(1);
        open("/alerts?lang=en");
        assertThat(text(".alert-history")).contains("issued Yellow", "upgraded Orange");
        open("/alerts?lang=ug");
        assertThat(text(".alert-history")).contains("سېرىق", "قىزغۇچ سېرىق");
        browser.shoot("alerts-history-ug");
    }

    @Test
    void theNoAlertNoticeShowsOnceAtMost() {
        open("/?lang=zh");
        String home = text("main");
        // The stand-in has one alert in force: it shows, and neither "no alert" text does.
        assertThat(browser.driver.findElements(By.cssSelector("main [data-alert]")))
                .hasSize(1);
        assertThat(home).doesNotContain("目前没有生效的重污染天气预警").doesNotContain("没有记录");
        open("/counties/653125?lang=zh");
        String county = text("main");
        assertThat(county.split("没有记录", -1)).hasSize(2);
        UPSTREAM.noAlerts(true);
        airQuality.alertsChanged();
        try {
            for (String lang : List.of("zh", "en", "ug")) {
                open("/?lang=" + lang);
                assertThat(browser.driver.findElements(By.cssSelector("main [data-alert]")))
                        .isEmpty();
                assertThat(browser.driver.findElements(By.id("no-alerts")))
                        .as(lang)
                        .hasSize(1);
                String notice = text("#no-alerts");
                String quiet = text("main");
                assertThat(quiet.split(Pattern.quote(notice), -1)).as(lang).hasSize(2);
                assertThat(quiet)
                        .as(lang)
                        .doesNotContain(
                                "没有记录",
                                messages.getMessage("alerts.none", null, java.util.Locale.forLanguageTag(lang)));
            }
        } finally {
            UPSTREAM.noAlerts(false);
            airQuality.alertsChanged();
        }
    }

    @Test
    void enterprisesAreSearchedFilteredAndPagedByName() throws Exception {
        open("/enterprises?lang=zh");
        assertThat(text("#enterprise-count")).isEqualTo("2");
        assertThat(browser.driver.findElements(By.cssSelector("article.enterprise")))
                .hasSize(1);
        assertThat(text("#page-of")).contains("1 / 2");
        browser.driver.findElement(By.id("page-next")).click();
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> text("#page-of").contains("2 / 2"));
        assertThat(browser.driver.findElements(By.id("page-next"))).isEmpty();
        browser.driver.findElement(By.id("enterprise-q")).sendKeys("水泥");
        browser.driver.findElement(By.id("enterprise-filter")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "1".equals(text("#enterprise-count")));
        assertThat(browser.driver.getCurrentUrl()).contains("q=");
        assertThat(text("article.enterprise h2")).isEqualTo("喀什某水泥有限公司");
        assertThat(text("article.enterprise")).contains("喀什市", "水泥").doesNotContain("cement", "653101");
        open("/enterprises?county=653131&lang=en");
        assertThat(text("#enterprise-count")).isEqualTo("0");
        assertThat(browser.driver
                        .findElement(By.cssSelector("#enterprise-county option[selected]"))
                        .getAttribute("value"))
                .isEqualTo("653131");
        open("/enterprises?county=653101&q=%E6%B0%B4%E6%B3%A5&page=x&lang=ug");
        assertThat(text("#enterprise-count")).isEqualTo("1");
        browser.shoot("enterprises-filtered-ug");
    }

    @Test
    void tablesKeepChineseNamesOnOneLineOnAPhone() throws Exception {
        browser.size(Browser.PHONE);
        for (String page : List.of("/?lang=zh", "/targets?lang=zh", "/counties/653101?lang=zh")) {
            open(page);
            for (WebElement name : browser.driver.findElements(By.cssSelector("table th[scope=row]"))) {
                if (name.getText().isBlank() || name.getText().contains("\n")) {
                    continue;
                }
                double lineHeight = Double.parseDouble(((String) browser.driver.executeScript(
                        "var s = getComputedStyle(arguments[0]); return String(parseFloat(s.fontSize) * 1.55);",
                        name)));
                double height = ((Number) browser.driver.executeScript(
                                "var r = document.createRange(); r.selectNodeContents(arguments[0]); return r.getBoundingClientRect().height;",
                                name))
                        .doubleValue();
                assertThat(height).as(page + ": " + name.getText()).isLessThan(lineHeight * 1.5);
            }
        }
        open("/stations/2700A?lang=zh");
        assertThat(browser.sidewaysOverflow()).isLessThanOrEqualTo(0);
        for (WebElement chart : browser.driver.findElements(By.cssSelector("svg.chart"))) {
            // The figure stays within the phone's width; the chart scrolls inside it.
            Dimension figure = chart.findElement(By.xpath("..")).getSize();
            assertThat(figure.getWidth()).isLessThanOrEqualTo(390);
            // Tick labels stay readable: at least 9 CSS pixels high once the chart is scaled to the phone.
            List<WebElement> ticks = chart.findElements(By.cssSelector(".tick"));
            assertThat(ticks)
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.getSize().getHeight()).isGreaterThanOrEqualTo(9));
        }
        browser.shoot("station-phone-charts");
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"zh,1280", "ug,390"})
    void theMapZoomsShowsCountyNamesAndSeparatesCoLocatedStations(String lang, int width) throws Exception {
        browser.size(width == 390 ? Browser.PHONE : Browser.DESKTOP);
        open("/?lang=" + lang);
        WebElement svg = browser.driver.findElement(By.cssSelector("[data-map] svg.map"));
        assertThat(svg.findElements(By.cssSelector("text.label"))).hasSize(12);
        String whole = viewBox(svg);
        double wholeWidth = Double.parseDouble(whole.split(" ")[2]);
        browser.driver.findElement(By.cssSelector("[data-zoom-action='in']")).click();
        browser.driver.findElement(By.cssSelector("[data-zoom-action='in']")).click();
        assertThat(Double.parseDouble(viewBox(svg).split(" ")[2]))
                .isCloseTo(wholeWidth / 4, org.assertj.core.data.Offset.offset(1.0));
        assertThat(browser.driver.findElement(By.cssSelector("[data-map]")).getAttribute("data-zoom"))
                .isEqualTo("4.00");
        // Kashgar City's three stations stand apart on screen, each one a target of its own.
        List<WebElement> circles = svg.findElements(By.cssSelector("circle.station"));
        List<org.openqa.selenium.Rectangle> boxes =
                circles.stream().map(WebElement::getRect).toList();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                var a = boxes.get(i);
                var b = boxes.get(j);
                boolean overlap = a.getX() < b.getX() + b.getWidth()
                        && b.getX() < a.getX() + a.getWidth()
                        && a.getY() < b.getY() + b.getHeight()
                        && b.getY() < a.getY() + a.getHeight();
                assertThat(overlap)
                        .as(
                                "%s and %s",
                                circles.get(i).getAttribute("data-station"),
                                circles.get(j).getAttribute("data-station"))
                        .isFalse();
            }
        }
        assertThat(text("[data-map] .map-attribution")).contains("© OpenStreetMap contributors", "ODbL");
        browser.shoot("map-zoomed-" + lang + "-" + width);
        browser.driver.findElement(By.cssSelector("[data-zoom-action='reset']")).click();
        assertThat(viewBox(svg)).isEqualTo(whole);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void everyNowSaysItsHourAndAnOldOneIsStaleWithItsAge() throws Exception {
        // The stand-in's newest hours are of November 2024: far older than two hours.
        for (int width : List.of(1280, 390)) {
            browser.size(width == 390 ? Browser.PHONE : Browser.DESKTOP);
            open("/?lang=zh");
            assertThat(text(".now .as-of time")).isEqualTo("2024-11-12 12:00");
            assertThat(text(".now .as-of .stale")).startsWith("数据已过时").endsWith("天前");
            assertThat(text("[data-stale-for='2700A']")).contains("数据已过时", "天前");
            assertThat(text("[data-hour-for='2700A']")).isEqualTo("2024-11-12 09:00");
            browser.shoot("home-time-zh-" + width);
        }
        open("/?lang=en");
        assertThat(text(".now .as-of")).contains("Data hour (Beijing time)", "Stale", "days ago");
        open("/?lang=ug");
        assertThat(text(".now .as-of")).contains("كونا سانلىق مەلۇمات", "كۈن ئىلگىرى");
        open("/stations/2700A?lang=en");
        assertThat(text("[data-stale-for='2700A']")).contains("Stale", "days ago");
        // The stand-in has no AQI for Kashgar City: the page says it does not know the time rather than show none.
        open("/counties/653101?lang=en");
        assertThat(text(".now .as-of")).contains("Stale", "time unknown");
    }

    @Test
    void theHomePageShowsTheYearsProgressMeasuredBesideDustDeducted() throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        for (String lang : List.of("zh", "en", "ug")) {
            open("/?lang=" + lang);
            assertThat(text("#progress-title")).as(lang).endsWith(String.valueOf(year));
            WebElement pm25 = browser.driver.findElement(By.cssSelector("#progress tr[data-indicator='pm25Mean']"));
            assertThat(pm25.findElement(By.cssSelector(".measured")).getText()).isEqualTo("58.3");
            assertThat(pm25.findElement(By.cssSelector(".dust-deducted")).getText())
                    .isEqualTo("49.1");
            assertThat(text("#progress thead"))
                    .as(lang)
                    .contains(messages.getMessage("targets.measured", null, java.util.Locale.forLanguageTag(lang)))
                    .contains(messages.getMessage("targets.dustDeducted", null, java.util.Locale.forLanguageTag(lang)));
        }
        browser.size(Browser.PHONE);
        open("/?lang=ug");
        assertThat(browser.sidewaysOverflow()).as(browser.outside()).isLessThanOrEqualTo(0);
        browser.shoot("home-progress-ug-390");
    }

    @Test
    void theTargetsPageOpensOnTheCurrentYearAndOffersOnlyYearsWithData() throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        open("/targets?lang=en");
        assertThat(text("h1")).endsWith(String.valueOf(year));
        List<String> offered = browser.driver.findElements(By.cssSelector("#year option")).stream()
                .map(o -> o.getAttribute("value"))
                .toList();
        // The stand-in's stations report from 2022 on: the years before have targets but no data.
        List<String> expected = new java.util.ArrayList<>();
        for (int y = year; y >= UpstreamStub.FIRST_DAY.getYear(); y--) {
            expected.add(String.valueOf(y));
        }
        assertThat(offered).isEqualTo(expected);
        assertThat(browser.driver
                        .findElement(By.cssSelector("#year option:checked"))
                        .getAttribute("value"))
                .isEqualTo(String.valueOf(year));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("year"))).selectByValue("2023");
        browser.driver.findElement(By.cssSelector(".year-picker button")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> text("h1").endsWith("2023"));
        assertThat(browser.driver.getCurrentUrl()).contains("year=2023", "lang=en");
        // A year without data is not offered, and asking for it shows the current year.
        open("/targets?lang=zh&year=2020");
        assertThat(text("h1")).endsWith(String.valueOf(year));
        browser.size(Browser.PHONE);
        open("/targets?lang=ug");
        assertThat(browser.sidewaysOverflow()).as(browser.outside()).isLessThanOrEqualTo(0);
        browser.shoot("targets-years-ug-390");
    }

    @Test
    void stationsAreNamedInUyghurWhereAirQualityHasTheName() {
        open("/stations/2700A?lang=ug");
        assertThat(text("h1")).isEqualTo("شەھەرلىك مۇھىت كۆزىتىش پونكىتى");
        open("/?lang=ug");
        assertThat(text("tr[data-row='2700A'] th")).isEqualTo("شەھەرلىك مۇھىت كۆزىتىش پونكىتى");
        // A station without a Uyghur name keeps its Chinese one rather than showing nothing.
        assertThat(text("tr[data-row='2698A'] th")).isEqualTo("巡警大队");
    }
}
