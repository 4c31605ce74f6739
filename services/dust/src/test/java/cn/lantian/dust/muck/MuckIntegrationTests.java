package cn.lantian.dust.muck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.dust.IntegrationTest;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.testsupport.DemoIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MuckIntegrationTests extends IntegrationTest {

    @Test
    void aMuckTruckViolationIsRecordedWithItsEvidenceAndPublished() {
        String id = http.post()
                .uri("/api/dust/v1/muck-violations")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "plate",
                        "新Q12345",
                        "kinds",
                        List.of("uncovered", "spilling"),
                        "at",
                        Instant.now().minusSeconds(600).toString(),
                        "lon",
                        SHACHE[0],
                        "lat",
                        SHACHE[1],
                        "photos",
                        List.of("photo://muck/1.jpg")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        assertThat(events("lantian.dust.muck-truck-violation.v1", "muck-truck/新Q12345"))
                .anySatisfy(e -> assertThat(e).contains(id, "\"spilling\"", "\"agency\":\"urban-management\""));
        assertThat(awaitPublished("muck-truck/新Q12345")).isGreaterThanOrEqualTo(1);

        http.post()
                .uri("/api/dust/v1/muck-violations")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "plate", "x", "kinds", List.of("littering"), "at", "now", "lon", SHACHE[0], "lat", SHACHE[1]))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'plate')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'kinds')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'photos')]")
                .exists();
        http.post()
                .uri("/api/dust/v1/muck-violations")
                .header("Authorization", token(DemoIdentity.HOUSING_SHACHE))
                .bodyValue(Map.of(
                        "plate",
                        "新A88888",
                        "kinds",
                        List.of("speeding"),
                        "at",
                        Instant.now().minusSeconds(60).toString(),
                        "lon",
                        KASHGAR[0],
                        "lat",
                        KASHGAR[1],
                        "photos",
                        List.of("photo://muck/2.jpg")))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/dust/v1/muck-violations?limit=500")
                .header("Authorization", token(DemoIdentity.ECO_KASHGAR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]")
                .isEmpty();
    }

    @Autowired
    MuckViolations violations;

    @Autowired
    Jurisdictions jurisdictions;

    @Test
    void theDemoFleetFillsTheLast90DaysUpToNowOnceAndTheListFiltersByKindAndPlate() {
        Instant now = Instant.now();
        new DemoMuckTrucks(violations, jurisdictions, Clock.systemUTC()).run(null);
        List<String> demo = db.sql("select id from muck_violation where id like 'demo-muck-%' and at > :since")
                .bind("since", now.minus(Duration.ofDays(DemoMuckTrucks.DAYS)).atOffset(ZoneOffset.UTC))
                .map(r -> r.get("id", String.class))
                .all()
                .collectList()
                .block();
        assertThat(demo).hasSizeGreaterThan(DemoMuckTrucks.DAYS / 2);
        assertThat(db.sql("select count(*) from muck_violation where id like 'demo-muck-%' and at > :now")
                        .bind("now", now.atOffset(ZoneOffset.UTC))
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .as("no demo violation lies in the future")
                .isZero();
        String one = demo.get(0);
        String plate = db.sql("select plate from muck_violation where id = :id")
                .bind("id", one)
                .map(r -> r.get("plate", String.class))
                .one()
                .block();
        assertThat(events("lantian.dust.muck-truck-violation.v1", "muck-truck/" + plate))
                .anySatisfy(e -> assertThat(e).contains("\"violationId\":\"" + one + "\""));

        // A second start writes nothing new.
        long before = count();
        new DemoMuckTrucks(violations, jurisdictions, Clock.systemUTC()).run(null);
        assertThat(count()).isEqualTo(before);

        http.get()
                .uri("/api/dust/v1/muck-violations?limit=500&plate=" + plate)
                .header("Authorization", token(DemoIdentity.COORDINATOR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.plate != '" + plate + "')]")
                .isEmpty()
                .jsonPath("$.items[?(@.id == '" + one + "')]")
                .exists();
        http.get()
                .uri("/api/dust/v1/muck-violations?limit=500&kind=overloaded")
                .header("Authorization", token(DemoIdentity.COORDINATOR))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].kinds[?(@ == 'overloaded')]")
                .exists();
        http.get()
                .uri("/api/dust/v1/muck-violations?kind=littering")
                .header("Authorization", token(DemoIdentity.COORDINATOR))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("kind");
    }

    private long count() {
        return db.sql("select count(*) from muck_violation where id like 'demo-muck-%'")
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
    }
}
