package cn.lantian.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class AuditWebFilterTests {

    static final Jurisdictions JURISDICTIONS = Jurisdictions.load();
    static final Caller KASHGAR = new Caller("eco-kashgar", Set.of("ecology"), "county", "653101", false);
    static final Caller CORPS = new Caller("corps-officer", Set.of("ecology"), "corps", "xpcc-3", false);
    static final Caller PREFECTURE = new Caller("coordinator", Set.of("ecology"), "prefecture", "653100", false);

    final List<AccessRecord> kept = new CopyOnWriteArrayList<>();
    final AuditWebFilter filter = new AuditWebFilter(
            record -> Mono.fromRunnable(() -> kept.add(record)),
            JURISDICTIONS,
            exchange -> "request-1",
            "jurisdiction",
            Clock.fixed(Instant.parse("2024-11-12T01:00:00Z"), ZoneOffset.UTC));

    void serve(MockServerHttpRequest request, Caller caller, HttpStatus status) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, served -> {
                    // the caller is known once the security chain has read the token; the handler answers
                    if (caller != null) {
                        served.getAttributes().put(Callers.ATTRIBUTE, caller);
                    }
                    served.getResponse().setStatusCode(status);
                    return served.getResponse().setComplete();
                })
                .block();
    }

    @Test
    void recordsAWriteWithItsOutcome() {
        serve(
                MockServerHttpRequest.post("/api/stationary/v1/permits?jurisdiction=653101")
                        .build(),
                KASHGAR,
                HttpStatus.CREATED);
        assertThat(kept).singleElement().satisfies(r -> {
            assertThat(r.principal()).isEqualTo("eco-kashgar");
            assertThat(r.action()).isEqualTo("POST");
            assertThat(r.resource()).isEqualTo("/api/stationary/v1/permits");
            assertThat(r.targetJurisdiction()).isEqualTo("653101");
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.outcome()).isEqualTo("allowed");
            assertThat(r.requestId()).isEqualTo("request-1");
            assertThat(r.at()).isEqualTo(Instant.parse("2024-11-12T01:00:00Z"));
        });
    }

    @Test
    void recordsARefusedWrite() {
        serve(MockServerHttpRequest.delete("/api/stationary/v1/permits/1").build(), KASHGAR, HttpStatus.FORBIDDEN);
        assertThat(kept).singleElement().extracting(AccessRecord::outcome).isEqualTo("denied");
    }

    @Test
    void recordsAReadOfAnotherCountyButNotOfItsOwn() {
        serve(
                MockServerHttpRequest.get("/api/search/v1/events?jurisdiction=653101")
                        .build(),
                KASHGAR,
                HttpStatus.OK);
        serve(MockServerHttpRequest.get("/api/search/v1/events").build(), KASHGAR, HttpStatus.OK);
        assertThat(kept).isEmpty();
        serve(
                MockServerHttpRequest.get("/api/search/v1/events?jurisdiction=653125")
                        .build(),
                KASHGAR,
                HttpStatus.OK);
        assertThat(kept)
                .singleElement()
                .extracting(AccessRecord::targetJurisdiction)
                .isEqualTo("653125");
    }

    @Test
    void treatsTheCorpsRegimentsAsTheOfficersOwn() {
        serve(
                MockServerHttpRequest.get("/api/search/v1/events?jurisdiction=xpcc-3-41")
                        .build(),
                CORPS,
                HttpStatus.OK);
        assertThat(kept).isEmpty();
        serve(
                MockServerHttpRequest.get("/api/search/v1/events?jurisdiction=653130")
                        .build(),
                CORPS,
                HttpStatus.OK);
        assertThat(kept).hasSize(1);
    }

    @Test
    void recordsEveryReadOfThePrefecture() {
        serve(MockServerHttpRequest.get("/api/search/v1/events").build(), PREFECTURE, HttpStatus.OK);
        assertThat(kept).hasSize(1);
    }

    @Test
    void usesTheTargetAHandlerSet() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get("/api/x/1").build());
        filter.filter(exchange, served -> {
                    served.getAttributes().put(Callers.ATTRIBUTE, KASHGAR);
                    served.getAttributes().put(AuditWebFilter.TARGET, "653130");
                    return served.getResponse().setComplete();
                })
                .block();
        assertThat(kept)
                .singleElement()
                .extracting(AccessRecord::targetJurisdiction)
                .isEqualTo("653130");
    }

    @Test
    void recordsNothingForAnAnonymousRequest() {
        serve(MockServerHttpRequest.post("/api/public/v1/feedback").build(), null, HttpStatus.OK);
        assertThat(kept).isEmpty();
    }

    @Test
    void stillAnswersWhenTheAuditCannotKeepTheRecord() {
        AuditWebFilter failing = new AuditWebFilter(
                record -> Mono.error(new IllegalStateException("database down")),
                JURISDICTIONS,
                exchange -> "r",
                "jurisdiction",
                Clock.systemUTC());
        ServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/api/x").build());
        failing.filter(exchange, served -> {
                    served.getAttributes().put(Callers.ATTRIBUTE, KASHGAR);
                    served.getResponse().setStatusCode(HttpStatus.OK);
                    return served.getResponse().setComplete();
                })
                .block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange.getResponse().isCommitted()).isTrue();
    }

    @Test
    void tellsHandlersWhetherARecordLiesOutsideTheCaller() {
        assertThat(AuditWebFilter.crosses(KASHGAR, JURISDICTIONS, new Placement("653101", null)))
                .isFalse();
        assertThat(AuditWebFilter.crosses(KASHGAR, JURISDICTIONS, new Placement("653125", null)))
                .isTrue();
        assertThat(AuditWebFilter.crosses(CORPS, JURISDICTIONS, new Placement("653130", "xpcc-3-41")))
                .isFalse();
        assertThat(AuditWebFilter.crosses(PREFECTURE, JURISDICTIONS, new Placement("653101", null)))
                .isTrue();
    }
}
