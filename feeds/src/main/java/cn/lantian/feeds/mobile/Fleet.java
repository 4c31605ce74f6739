package cn.lantian.feeds.mobile;

import cn.lantian.feeds.AgencyApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The registered vehicles: in operation mobile's registry ({@code GET /api/mobile/v1/vehicles}, the agency's token). */
@FunctionalInterface
interface Fleet {

    /** Every vehicle on the register. */
    List<Vehicle> registered() throws IOException;

    /** The registry of the mobile service behind {@code mobile}. */
    static Fleet of(AgencyApi mobile) {
        return () -> parse(mobile.all("/api/mobile/v1/vehicles?status=registered", 500));
    }

    /** The registered vehicles of the registry's items. */
    static List<Vehicle> parse(List<JsonNode> items) {
        List<Vehicle> out = new ArrayList<>();
        for (JsonNode v : items) {
            if ("registered".equals(v.path("status").asString("registered"))) {
                out.add(new Vehicle(
                        v.get("plate").asString(),
                        v.path("kind").asString(""),
                        v.path("fuel").asString("")));
            }
        }
        return out;
    }
}
