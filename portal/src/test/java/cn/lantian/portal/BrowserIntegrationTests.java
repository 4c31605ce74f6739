package cn.lantian.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real pages in Debian's headless Chromium (through its ChromeDriver): every page loads without console errors,
 * the language switch works, and a new hourly AQI published to the real broker shows on the open page without
 * reload. Screenshots of each page land in {@code target/screenshots/}.
 */
class BrowserIntegrationTests extends PortalTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    RabbitTemplate rabbit;

    @BeforeAll
    static void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        if (Files.exists(Path.of("/usr/bin/chromium"))) {
            options.setBinary("/usr/bin/chromium");
        }
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // Debian's driver, never one fetched by Selenium Manager (no internet at test time).
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void shoot(String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<LogEntry> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws Exception {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/?lang=zh");
        pages.put("county-653125", "/counties/653125");
        pages.put("county-653101", "/counties/653101");
        pages.put("targets", "/targets");
        pages.put("station-2700A", "/stations/2700A");
        pages.put("enterprises", "/enterprises");
        pages.put("alerts", "/alerts");
        pages.put("open-data", "/open-data");
        consoleErrors();
        for (var page : pages.entrySet()) {
            browser.get(url(page.getValue()));
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .as(page.getKey())
                    .isNotBlank();
            assertThat(browser.findElement(By.cssSelector("footer")).getText())
                    .as(page.getKey())
                    .contains("© OpenStreetMap contributors");
            assertThat(browser.findElements(By.cssSelector(".notice")))
                    .as(page.getKey() + " has all its data")
                    .isEmpty();
            shoot(page.getKey());
            assertThat(consoleErrors()).as(page.getKey()).isEmpty();
            // Works offline: every script, style, image and font came from the portal itself.
            assertThat(
                            (List<?>)
                                    browser.executeScript(
                                            "return performance.getEntriesByType('resource')"
                                                    + ".map(function (e) { return e.name; }).filter(function (n) { return n.indexOf(location.origin) !== 0; });"))
                    .as(page.getKey())
                    .isEmpty();
        }
        browser.get(url("/stations/2700A"));
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSize(3);
        browser.get(url("/enterprises?lang=zh"));
        WebElement cement = browser.findElement(By.id("e-ent-kashgar-cement-01"));
        assertThat(cement.findElement(By.cssSelector(".ultra-low")).getText()).isEqualTo("已完成");
        assertThat(cement.findElement(By.cssSelector("table.permits")).getText())
                .contains("91653100MA7XYZ0001001P", "有效");
        assertThat(cement.findElement(By.cssSelector("table.exceedances")).getText())
                .contains("DA001", "NOx", "1.28");
        assertThat(cement.findElement(By.cssSelector(".enterprise-cases")).getText())
                .contains("责令改正");
        browser.get(url("/?lang=en"));
        shoot("home-en");
        browser.get(url("/?lang=ug"));
        shoot("home-ug");
        browser.get(url("/?lang=zh"));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void everyPageReflowsOnAPhoneWithoutSidewaysScrolling() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String page : List.of(
                    "/?lang=zh",
                    "/counties/653125",
                    "/targets",
                    "/stations/2700A",
                    "/enterprises",
                    "/alerts",
                    "/open-data",
                    "/?lang=ug",
                    "/enterprises?lang=ug",
                    "/stations/2700A?lang=ug")) {
                browser.get(url(page));
                Object overflow = browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                // Names what sticks out, to say why when this fails.
                Object outside = browser.executeScript("var w = document.documentElement.clientWidth, out = [];"
                        + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + " if (r.width > 0 && (r.right > w + 1 || r.left < -1) && !e.closest('.scroll'))"
                        + " out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });"
                        + "return out.slice(0, 5).join('; ');");
                assertThat(((Number) overflow).intValue())
                        .as(page + ": " + outside)
                        .isLessThanOrEqualTo(0);
                shoot("phone" + page.replaceAll("[^A-Za-z0-9]+", "-"));
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        }
    }

    @Test
    void theLanguageSwitchChangesThePageAndIsRemembered() {
        browser.get(url("/targets?lang=zh"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("年度空气质量目标");
        browser.findElement(By.id("lang-en")).click();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("air-quality targets");
        // The choice sticks: the next page opened without ?lang is in English too.
        browser.findElement(By.linkText("Alerts")).click();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> browser.findElement(By.tagName("h1")).getText().contains("Heavy-pollution alerts"));
        browser.findElement(By.id("lang-ug")).click();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "rtl".equals(browser.findElement(By.tagName("html")).getAttribute("dir")));
        browser.findElement(By.id("lang-zh")).click();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "zh".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirst() {
        browser.get(url("/"));
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip");
        assertThat(focused.getAttribute("href")).endsWith("#main");
    }

    @Test
    void aNewObservationShowsOnTheOpenPageWithoutReload() throws Exception {
        browser.get(url("/?lang=zh"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-live-connected")));
        // A marker that a reload would wipe out.
        browser.executeScript("window.__notReloaded = true;");
        WebElement cell = browser.findElement(By.cssSelector("td[data-aqi-for='2700A']"));
        assertThat(cell.getText()).isEqualTo("142");
        // The headline is the service's city AQI from averaged concentrations, not a mean of the stations' AQIs.
        assertThat(browser.findElement(By.id("prefecture-aqi")).getText()).isEqualTo("151");
        Instant hour = Instant.parse("2024-11-12T05:00:00Z");
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    if (!"287".equals(cell.getText())) {
                        Events.publish(rabbit, Events.HOURLY, Events.hourly("2700A", hour, 287, 5));
                    }
                    assertThat(cell.getText()).isEqualTo("287");
                });
        WebElement circle = browser.findElement(By.cssSelector("circle[data-station='2700A']"));
        assertThat(circle.getAttribute("fill")).isEqualToIgnoringCase("#99004C");
        assertThat(browser.findElement(By.cssSelector("[data-cat-for='2700A']")).getText())
                .isEqualTo("重度污染");
        assertThat(browser.findElement(By.id("prefecture-aqi")).getText()).isEqualTo("151");
        assertThat(browser.executeScript("return window.__notReloaded === true;"))
                .isEqualTo(true);
        // The server's latest-AQI snapshot took the same value: a page opened now shows it too.
        String stations = org.springframework.web.reactive.function.client.WebClient.create(url(""))
                .get()
                .uri("/api/public/v1/datasets/stations?format=csv")
                .retrieve()
                .bodyToMono(String.class)
                .block();
        assertThat(stations.lines().filter(l -> l.startsWith("2700A,")))
                .singleElement()
                .asString()
                .contains(",287,");

        Events.publish(rabbit, "lantian.air-quality.alert-issued.v1", Events.alertIssued("653125", "orange"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !browser.findElements(By.cssSelector("#live-alerts article"))
                        .isEmpty());
        assertThat(browser.findElement(By.cssSelector("#live-alerts article")).getText())
                .contains("莎车县", "橙色");
        shoot("home-live-update");
        assertThat(consoleErrors()).isEmpty();
    }
}
