package cn.lantian.enforcement.routing;

import static cn.lantian.enforcement.TestEvents.JSON;
import static cn.lantian.enforcement.TestEvents.exceedance;
import static cn.lantian.enforcement.TestEvents.incoming;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.enforcement.TestEvents;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CaseRouterTests {

    static final Instant NOW = Instant.parse("2024-11-12T02:00:00Z");
    static final RoutingTable TABLE = RoutingTable.load("routing/case-routes.json");
    static final Jurisdictions JURISDICTIONS = Jurisdictions.load();
    final CaseRouter router = new CaseRouter(TABLE, JURISDICTIONS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCemsExceedanceInTumxukOpensAJointCaseOfBachuAndTheCorps() {
        Decision d = router.decide(incoming(
                "lantian.stationary.emission-limit-exceeded.v1",
                "xpcc-3",
                null,
                "major",
                exceedance("ent-a", TestEvents.TUMXUK[0], TestEvents.TUMXUK[1])));

        CaseDraft draft = ((Decision.Open) d).draft();
        assertThat(draft.placement()).isEqualTo(new Placement("653130", "xpcc-3"));
        assertThat(draft.placement().joint()).isTrue();
        assertThat(draft.agency()).isEqualTo("ecology");
        assertThat(draft.severity()).isEqualTo("major");
        assertThat(draft.key()).isEqualTo("outlet/ent-a/DA001/NOx");
        assertThat(draft.enterpriseId()).isEqualTo("ent-a");
        assertThat(draft.ruleId()).isEqualTo("permit-nox");
        assertThat(draft.deadline()).isEqualTo(NOW.plus(Duration.ofDays(15)));
        assertThat(draft.summary()).contains("NOx").contains("72.4").contains("ent-a");
    }

    @Test
    void aFindingNearAnotherCountysBoundaryNotifiesThatCounty() {
        // 75.95,39.41 lies in Shufu within a few km of Kashgar City and Shule.
        CaseDraft draft = ((Decision.Open) router.decide(incoming(
                        "lantian.stationary.emission-limit-exceeded.v1",
                        "653121",
                        null,
                        null,
                        exceedance("ent-b", 75.95, 39.41))))
                .draft();

        assertThat(draft.placement().jurisdiction()).isEqualTo("653121");
        assertThat(draft.notified()).contains("653101").doesNotContain("653121", Jurisdictions.PREFECTURE);
        double km = TABLE.boundaryNoticeKm();
        assertThat(draft.notified())
                .allSatisfy(unit -> assertThat(
                                JURISDICTIONS.byId(unit).orElseThrow().area().distanceToBoundaryKm(75.95, 39.41))
                        .isLessThanOrEqualTo(km));
    }

    @Test
    void aFindingFarFromEveryBoundaryNotifiesNobody() {
        double[] centre = JURISDICTIONS.byId("653131").orElseThrow().centroid();
        CaseDraft draft = ((Decision.Open) router.decide(incoming(
                        "lantian.stationary.emission-limit-exceeded.v1",
                        "653131",
                        null,
                        null,
                        exceedance("ent-c", centre[0], centre[1]))))
                .draft();

        assertThat(JURISDICTIONS.byId("653131").orElseThrow().area().distanceToBoundaryKm(centre[0], centre[1]))
                .isGreaterThan(TABLE.boundaryNoticeKm());
        assertThat(draft.notified()).isEmpty();
    }

    @Test
    void withoutALocationTheEventsJurisdictionAndCorpsUnitPlaceTheCase() {
        ObjectNode data = JSON.createObjectNode();
        data.put("plate", "新Q·A1234");
        data.put("check", "roadside");
        data.put("at", "2024-06-03T10:20:00+08:00");
        CaseDraft draft = ((Decision.Open) router.decide(
                        incoming("lantian.mobile.vehicle-emission-exceeded.v1", "xpcc-3", null, null, data)))
                .draft();

        assertThat(draft.placement()).isEqualTo(new Placement("653130", "xpcc-3"));
        assertThat(draft.agency()).isEqualTo("traffic-police");
        assertThat(draft.key()).isEqualTo("vehicle/新Q·A1234");
    }

    @Test
    void aSuspectedInspectionFraudOpensAnEcologyCaseAtTheStation() {
        ObjectNode data = JSON.createObjectNode();
        data.put("findingId", "retest-within-minutes/imt-1");
        data.put("signal", "retest-within-minutes");
        data.put("stationId", "ims-653125-01");
        data.put("summary", "passed 6 minutes after failing");
        data.put("detectedAt", "2026-11-12T09:00:00+08:00");
        CaseDraft draft = ((Decision.Open) router.decide(
                        incoming("lantian.mobile.inspection-fraud-suspected.v1", "653125", null, "major", data)))
                .draft();

        assertThat(draft.placement()).isEqualTo(new Placement("653125", null));
        assertThat(draft.agency()).isEqualTo("ecology");
        assertThat(draft.key()).isEqualTo("inspection-fraud/retest-within-minutes/imt-1");
        assertThat(draft.deadline()).isEqualTo(NOW.plus(Duration.ofDays(15)));
        assertThat(draft.summary()).contains("ims-653125-01", "retest-within-minutes", "6 minutes");
    }

    @Test
    void aClosedRepairObligationClosesTheCaseTheVehiclesExceedanceOpened() {
        ObjectNode exceeded = JSON.createObjectNode();
        exceeded.put("plate", "新Q·A1234");
        exceeded.put("check", "remote-sensing");
        exceeded.put("at", "2026-11-02T10:20:00+08:00");
        ObjectNode closed = JSON.createObjectNode();
        closed.put("plate", "新Q·A1234");
        closed.put("repairId", "rpr-1");
        closed.put("repairStationId", "mst-653101-01");
        closed.put("testId", "imt-9");

        Decision open =
                router.decide(incoming("lantian.mobile.vehicle-emission-exceeded.v1", "653101", null, null, exceeded));
        Decision close =
                router.decide(incoming("lantian.mobile.repair-obligation-closed.v1", "653101", null, null, closed));

        assertThat(close).isInstanceOf(Decision.Close.class);
        assertThat(((Decision.Close) close).key())
                .isEqualTo(((Decision.Open) open).draft().key())
                .isEqualTo("vehicle/新Q·A1234");
        assertThat(((Decision.Close) close).outcome()).contains("mst-653101-01", "imt-9");
    }

    @Test
    void aMachineBelowTheZonesStageOpensAMajorEcologyCaseAndAnUncodedOneAMinorCase() {
        double[] centre = JURISDICTIONS.byId("653131").orElseThrow().centroid();
        ObjectNode zone = machineryViolation("nrv-zone", "low-emission-zone", centre);
        zone.put("machineCode", "NRMM-653131-000007");
        zone.put("emissionStage", "China II");
        CaseDraft major = ((Decision.Open)
                        router.decide(incoming("lantian.mobile.machinery-violation.v1", "653131", null, "major", zone)))
                .draft();
        assertThat(major.agency()).isEqualTo("ecology");
        assertThat(major.severity()).isEqualTo("major");
        assertThat(major.key()).isEqualTo("machinery-violation/nrv-zone");
        assertThat(major.deadline()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(major.summary()).contains("NRMM-653131-000007", "China II", "low-emission-zone");

        CaseDraft minor = ((Decision.Open) router.decide(incoming(
                        "lantian.mobile.machinery-violation.v1",
                        "653131",
                        null,
                        "minor",
                        machineryViolation("nrv-uncoded", "unregistered", centre))))
                .draft();
        assertThat(minor.severity()).isEqualTo("minor");
        assertThat(minor.deadline()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(minor.summary()).contains("without a registration code");
    }

    private static ObjectNode machineryViolation(String id, String kind, double[] at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("violationId", id);
        data.put("kind", kind);
        data.put("site", "工地");
        data.put("at", "2026-05-12T08:40:00+08:00");
        data.putObject("location").put("lon", at[0]).put("lat", at[1]);
        data.putObject("rule").put("id", "r").put("source", "s").put("status", "unconfirmed");
        return data;
    }

    @Test
    void aRegimentNamedByTheEventIsKeptWhereItsLandHasNoBoundary() {
        ObjectNode data = JSON.createObjectNode();
        data.put("firePointId", "fp-1");
        data.put("acquiredAt", "2024-10-20T07:42:00Z");
        data.put("source", "satellite");
        data.putObject("location").put("lon", 78.42).put("lat", 39.79);
        CaseDraft draft = ((Decision.Open) router.decide(
                        incoming("lantian.straw.fire-point-detected.v1", "653130", "xpcc-3-49", null, data)))
                .draft();

        assertThat(draft.placement()).isEqualTo(new Placement("653130", "xpcc-3-49"));
        assertThat(draft.agency()).isEqualTo("agriculture");
    }

    @Test
    void grazingInsideASandClosureAreaOpensAForestryCase() {
        ObjectNode data = JSON.createObjectNode();
        data.put("violationId", "violation-1");
        data.put("areaId", "closure-653125-kalsu");
        data.put("kind", "grazing");
        data.put("foundAt", "2024-11-12T07:20:00+08:00");
        data.putObject("location").put("lon", 77.3).put("lat", 38.6);
        CaseDraft draft = ((Decision.Open) router.decide(
                        incoming("lantian.greening.closure-violation-found.v1", "653125", null, "major", data)))
                .draft();

        assertThat(draft.placement()).isEqualTo(new Placement("653125", null));
        assertThat(draft.agency()).isEqualTo("forestry");
        assertThat(draft.key()).isEqualTo("closure-violation/violation-1");
        assertThat(draft.deadline()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(draft.summary()).contains("grazing", "closure-653125-kalsu");
    }

    @Test
    void aReportedSeverityStrongerThanTheRoutesWins() {
        CaseDraft draft = ((Decision.Open) router.decide(incoming(
                        "lantian.stationary.emission-limit-exceeded.v1",
                        "653130",
                        null,
                        "critical",
                        exceedance("ent-d", 78.86, 39.58))))
                .draft();
        assertThat(draft.severity()).isEqualTo("critical");
    }

    @Test
    void aResolvedFindingClosesTheCaseItsRaisedTwinOpened() {
        ObjectNode raised = JSON.createObjectNode();
        raised.put("findingId", "f-1");
        raised.putObject("rule").put("id", "r").put("source", "s");
        raised.put("facilityId", "boiler-1");
        raised.put("summary", "coal boiler must go");
        ObjectNode resolved = raised.deepCopy();
        resolved.put("resolution", "phased-out");

        Decision open =
                router.decide(incoming("lantian.stationary.rule-finding-raised.v1", "653101", null, null, raised));
        Decision close =
                router.decide(incoming("lantian.stationary.rule-finding-resolved.v1", "653101", null, null, resolved));

        assertThat(close).isInstanceOf(Decision.Close.class);
        assertThat(((Decision.Close) close).key())
                .isEqualTo(((Decision.Open) open).draft().key())
                .isEqualTo("finding/f-1");
        assertThat(((Decision.Close) close).outcome()).contains("phased-out");
    }

    @Test
    void aMissedTargetOpensACaseAndATargetBackOnTrackClosesIt() {
        ObjectNode missed = JSON.createObjectNode();
        missed.put("unit", "653125");
        missed.put("year", 2024);
        missed.put("indicator", "pm25-mean");
        missed.put("status", "missed");
        ObjectNode atRisk = missed.deepCopy().put("status", "at-risk");
        ObjectNode met = missed.deepCopy().put("status", "met");
        String type = "lantian.air-quality.target-status-changed.v1";

        assertThat(router.decide(incoming(type, "653125", null, null, missed))).isInstanceOf(Decision.Open.class);
        assertThat(router.decide(incoming(type, "653125", null, null, atRisk))).isInstanceOf(Decision.Ignore.class);
        assertThat(router.decide(incoming(type, "653125", null, null, met))).isInstanceOf(Decision.Close.class);
    }

    @Test
    void anEventTypeAbsentFromTheTableOpensNothing() {
        assertThat(router.decide(
                        incoming("lantian.greening.area-greened.v1", "653101", null, null, JSON.createObjectNode())))
                .isInstanceOf(Decision.Ignore.class);
    }

    @Test
    void aCampaignFindingIsRoutedByItsInternalRouteWhereTheCallerPlacesIt() {
        String origin = cn.lantian.enforcement.campaign.Campaigns.FINDING_ORIGIN;
        Route route = TABLE.internalRoute(origin).orElseThrow();
        ObjectNode data = JSON.createObjectNode()
                .put("campaignId", "campaign-1")
                .put("enterpriseId", "ent-a")
                .put("team", "653125")
                .put("findings", "SCR bypassed");

        CaseDraft draft = router.raise(origin, "task-1", "enterprise/ent-a", data, new Placement("653130", "xpcc-3"));

        assertThat(draft.originType()).isEqualTo(origin);
        assertThat(draft.originEventId()).isEqualTo("task-1");
        assertThat(draft.placement().joint()).isTrue();
        assertThat(draft.agency()).isEqualTo(route.agency()).isEqualTo("ecology");
        assertThat(draft.severity()).isEqualTo(route.severity());
        assertThat(draft.deadline()).isEqualTo(NOW.plus(Duration.ofDays(route.deadlineDays())));
        assertThat(draft.key()).isEqualTo("campaign/campaign-1/ent-a");
        assertThat(draft.enterpriseId()).isEqualTo("ent-a");
        assertThat(draft.summary()).contains("653125").contains("SCR bypassed");
        assertThat(TABLE.types()).as("an internal origin binds no queue").doesNotContain(origin);
    }

    @Test
    void everyRoutedTypeIsInTheContract() {
        var contract = cn.lantian.contract.EventContract.load();
        assertThat(TABLE.types())
                .allSatisfy(type -> assertThat(contract.type(type)).as(type).isPresent());
    }

    @Test
    void confirmedOpenBurningOpensAnAgricultureCaseWhileTheVerdictClosesTheVerificationCase() {
        ObjectNode confirmed = JSON.createObjectNode();
        confirmed.put("firePointId", "fp-20241020-a1");
        confirmed.putObject("location").put("lon", TestEvents.TUMXUK[0]).put("lat", TestEvents.TUMXUK[1]);
        confirmed.put("verifiedAt", "2024-10-20T12:00:00+08:00");
        confirmed.put("material", "straw");
        CaseDraft draft = ((Decision.Open) router.decide(
                        incoming("lantian.straw.burning-confirmed.v1", "653130", "xpcc-3", "major", confirmed)))
                .draft();
        assertThat(draft.key()).isEqualTo("burning/fp-20241020-a1");
        assertThat(draft.agency()).isEqualTo("agriculture");
        assertThat(draft.placement()).isEqualTo(new Placement("653130", "xpcc-3"));
        assertThat(draft.summary()).contains("straw", "fp-20241020-a1");

        ObjectNode handled = JSON.createObjectNode();
        handled.put("firePointId", "fp-20241020-a1");
        handled.put("handledAt", "2024-10-20T12:00:00+08:00");
        handled.put("outcome", "确认焚烧 burning confirmed: 秸秆 straw");
        handled.put("verdict", "burning-confirmed");
        Decision close =
                router.decide(incoming("lantian.straw.fire-point-handled.v1", "653130", "xpcc-3", null, handled));
        assertThat(close)
                .isInstanceOfSatisfying(
                        Decision.Close.class, c -> assertThat(c.key()).isEqualTo("fire-point/fp-20241020-a1"));
    }
}
