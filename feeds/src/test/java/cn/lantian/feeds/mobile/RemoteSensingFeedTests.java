package cn.lantian.feeds.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantian.feeds.RecordingPublisher;
import cn.lantian.reference.Jurisdictions;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote-sensing feed against mobile's documented inbound format and the contract's: JSON lines with plate, time
 * with offset (never in the future), a place inside the prefecture, at least one pollutant, opacity a percentage.
 */
class RemoteSensingFeedTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-12-06T10:20:00Z");

    static List<Vehicle> fleet() {
        List<Vehicle> fleet = new ArrayList<>();
        String[] fuels = {"diesel", "petrol", "petrol", "gas", "electric", "diesel"};
        for (int i = 1; i <= 3000; i++) {
            fleet.add(new Vehicle("新Q·A" + String.format("%04d", i), "car", fuels[i % fuels.length]));
        }
        return fleet;
    }

    final RecordingPublisher published = new RecordingPublisher();
    List<Vehicle> registry = fleet();
    /** What mobile holds per site: nothing unless a test says otherwise. */
    final Map<String, Instant> stored = new HashMap<>();

    final RemoteSensingFeed feed = new RemoteSensingFeed(
            () -> registry,
            () -> site -> Optional.ofNullable(stored.get(site.id())),
            Site.demo(),
            published,
            Clock.fixed(NOW, ZoneOffset.UTC),
            Instant.parse("2026-11-05T16:00:00Z"));

    @Test
    void aMonthOfReadingsFollowsMobilesFormatAndTheContract() throws IOException {
        long sent = feed.catchUp(NOW.truncatedTo(ChronoUnit.HOURS));
        Jurisdictions kashgar = Jurisdictions.load();
        List<JsonNode> lines = new ArrayList<>();
        for (RecordingPublisher.Message m : published.messages) {
            assertThat(m.exchange()).isEqualTo("lantian.mobile.readings");
            assertThat(m.routingKey()).isEqualTo("remote-sensing");
            assertThat(m.violations()).isEmpty();
            m.lines().forEach(l -> lines.add(JSON.readTree(l)));
        }
        assertThat(lines).hasSize((int) sent);
        // About 120 readings a day at twelve sites, a month of them.
        assertThat(sent).isBetween(30L * 80, 30L * 170);
        int overOpacity = 0;
        for (JsonNode line : lines) {
            Instant at = OffsetDateTime.parse(line.get("at").asString()).toInstant();
            assertThat(at).isBefore(NOW).isAfter(Instant.parse("2026-11-05T16:00:00Z"));
            assertThat(kashgar.locate(
                            line.get("lon").asDouble(), line.get("lat").asDouble()))
                    .as("site at %s,%s", line.get("lon"), line.get("lat"))
                    .isPresent();
            assertThat(line.get("check").asString()).isEqualTo("remote-sensing");
            overOpacity += line.has("opacity") && line.get("opacity").asDouble() > 30 ? 1 : 0;
        }
        assertThat(overOpacity)
                .as("passes of gross emitters over the opacity limit")
                .isBetween(1, 200);
        assertThat(lines.stream().map(l -> l.get("plate").asString()).distinct().count())
                .isGreaterThan(500);
    }

    @Test
    void aRestartResumesEachSiteFromItsNewestStoredReadingInsteadOfResendingTheHistory() throws IOException {
        Instant last = NOW.truncatedTo(ChronoUnit.HOURS);
        feed.catchUp(last);
        List<SensingReading> whole = sent();
        published.messages.clear();

        // Mobile holds every site up to its newest reading in the whole run, except one site that it holds only up to
        // a reading three days ago, and one site that it holds nothing of (its readings were lost, say).
        List<Site> sites = Site.demo();
        for (Site site : sites) {
            whole.stream()
                    .filter(r -> r.lon() == site.lon() && r.lat() == site.lat())
                    .map(SensingReading::at)
                    .max(Instant::compareTo)
                    .ifPresent(at -> stored.put(site.id(), at));
        }
        Site behind = sites.get(0);
        Site empty = sites.get(1);
        Instant threeDaysAgo = whole.stream()
                .filter(r -> r.lon() == behind.lon() && r.lat() == behind.lat())
                .map(SensingReading::at)
                .filter(at -> at.isBefore(NOW.minus(3, ChronoUnit.DAYS)))
                .max(Instant::compareTo)
                .orElseThrow();
        stored.put(behind.id(), threeDaysAgo);
        stored.remove(empty.id());

        feed.catchUp(last);
        List<SensingReading> resent = sent();
        assertThat(resent).as("nothing outside the whole run").allMatch(whole::contains);
        assertThat(resent.stream().filter(r -> r.lon() == empty.lon()).toList())
                .as("the site mobile holds nothing of gets its whole history")
                .containsExactlyInAnyOrderElementsOf(whole.stream()
                        .filter(r -> r.lon() == empty.lon() && r.lat() == empty.lat())
                        .toList());
        assertThat(resent.stream()
                        .filter(r -> r.lon() == behind.lon() && r.lat() == behind.lat())
                        .toList())
                .as("the site behind gets the hour of its newest stored reading again and everything after")
                .containsExactlyInAnyOrderElementsOf(whole.stream()
                        .filter(r -> r.lon() == behind.lon() && r.lat() == behind.lat())
                        .filter(r -> !r.at().isBefore(threeDaysAgo.truncatedTo(ChronoUnit.HOURS)))
                        .toList());
        long others = resent.stream()
                .filter(r -> !(r.lon() == behind.lon() && r.lat() == behind.lat()))
                .filter(r -> !(r.lon() == empty.lon() && r.lat() == empty.lat()))
                .count();
        assertThat(others)
                .as("the sites up to date get at most the hour of their newest reading again")
                .isLessThanOrEqualTo(sites.size() * 6L);
        assertThat(resent.size()).isLessThan(whole.size() / 5);
    }

    private List<SensingReading> sent() {
        List<SensingReading> out = new ArrayList<>();
        for (RecordingPublisher.Message m : published.messages) {
            for (String l : m.lines()) {
                JsonNode n = JSON.readTree(l);
                out.add(new SensingReading(
                        n.get("plate").asString(),
                        OffsetDateTime.parse(n.get("at").asString()).toInstant(),
                        n.get("lon").asDouble(),
                        n.get("lat").asDouble(),
                        n.has("opacity") ? n.get("opacity").asDouble() : null,
                        n.has("ringelmann") ? n.get("ringelmann").asInt() : null,
                        n.get("nox").asDouble(),
                        n.get("speed").asDouble(),
                        n.get("acceleration").asDouble(),
                        n.get("wind").asDouble()));
            }
        }
        return out;
    }

    @Test
    void everySiteStandsInsideThePrefecture() {
        Jurisdictions kashgar = Jurisdictions.load();
        assertThat(Site.demo())
                .hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(s ->
                        assertThat(kashgar.locate(s.lon(), s.lat())).as(s.id()).isPresent());
    }

    @Test
    void aReplaySendsTheSameReadingsAndAVehicleRegisteredLaterChangesFew() {
        Site site = Site.demo().get(0);
        Instant hour = Instant.parse("2026-12-06T06:00:00Z"); // 14:00 Beijing time, busy
        List<SensingReading> day = new ArrayList<>();
        List<SensingReading> dayWithOneMore = new ArrayList<>();
        List<Vehicle> more = new ArrayList<>(fleet());
        more.add(new Vehicle("新Q·Z9999", "heavy-truck", "diesel"));
        for (int h = 0; h < 24; h++) {
            day.addAll(SensingReadings.of(site, hour.minus(h, ChronoUnit.HOURS), new Traffic(fleet())));
            dayWithOneMore.addAll(SensingReadings.of(site, hour.minus(h, ChronoUnit.HOURS), new Traffic(more)));
        }
        assertThat(SensingReadings.of(site, hour, new Traffic(fleet())))
                .isEqualTo(SensingReadings.of(site, hour, new Traffic(fleet())));
        long same = day.stream().filter(dayWithOneMore::contains).count();
        assertThat(same).isGreaterThanOrEqualTo(day.size() - 2);
    }

    @Test
    void aLiveHourIsPublishedAndNothingAfterTheRealNow() throws IOException {
        assertThat(feed.publish(Instant.parse("2026-12-06T07:00:00Z"))).isPositive();
        assertThat(published.messages).hasSize(1);
        assertThat(published.messages.get(0).violations()).isEmpty();
        assertThat(feed.publish(NOW.plus(1, ChronoUnit.HOURS))).isZero();
        assertThat(published.messages).hasSize(1);
    }

    @Test
    void anEmptyRegistryIsTriedAgainLater() {
        registry = List.of();
        assertThatThrownBy(() -> feed.catchUp(NOW.truncatedTo(ChronoUnit.HOURS)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no vehicle");
    }

    @Test
    void readsRegisteredVehiclesFromTheRegistryPage() {
        JsonNode page = JSON.readTree("""
                {"items":[{"id":"demo-veh-00001","plate":"新QA·A0001","kind":"heavy-truck","fuel":"diesel","status":"registered"},
                          {"id":"demo-veh-00002","plate":"新QB·A0002","kind":"car","fuel":"petrol","status":"deregistered"}],
                 "next":null}""");
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        assertThat(Fleet.parse(items)).containsExactly(new Vehicle("新QA·A0001", "heavy-truck", "diesel"));
    }
}
