package cn.lantian.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTests {

    static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void continuesAValidTraceUnderANewParent() {
        TraceParent next = TraceParent.continueFrom(VALID);
        assertThat(next.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(next.parentId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(next.flags()).isEqualTo("01");
        assertThat(next.toString()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    @Test
    void keepsTheCallersSamplingDecision() {
        assertThat(TraceParent.continueFrom(VALID.replace("-01", "-00")).flags())
                .isEqualTo("00");
    }

    @Test
    void startsANewTraceWhenTheHeaderIsAbsentOrInvalid() {
        for (String header : new String[] {
            null,
            "",
            "garbage",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"
        }) {
            TraceParent fresh = TraceParent.continueFrom(header);
            assertThat(fresh.toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(fresh.traceId())
                    .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736")
                    .isNotEqualTo("00000000000000000000000000000000");
        }
    }

    @Test
    void givesEachNewTraceItsOwnId() {
        assertThat(TraceParent.continueFrom(null).traceId())
                .isNotEqualTo(TraceParent.continueFrom(null).traceId());
    }
}
