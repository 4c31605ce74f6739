package cn.lantian.mobile.zone;

import cn.lantian.reference.Csv;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The zones of {@code rules/low-emission-zones.csv}. Each zone must lie inside the county that designates it, which
 * is checked at start: a zone drawn across a boundary would let one county rule over another's land.
 */
@Component
public class LowEmissionZones {

    private final List<Zone> zones;

    @Autowired
    LowEmissionZones(Jurisdictions jurisdictions) {
        this(jurisdictions, text());
    }

    LowEmissionZones(Jurisdictions jurisdictions, String csv) {
        this.zones = Csv.read(csv).stream().map(LowEmissionZones::zone).toList();
        for (Zone z : zones) {
            for (double[] corner : new double[][] {
                {z.west(), z.south()}, {z.west(), z.north()}, {z.east(), z.south()}, {z.east(), z.north()}
            }) {
                Placement p = jurisdictions.locate(corner[0], corner[1]).orElse(null);
                if (p == null || !p.visibleTo().contains(z.county())) {
                    throw new IllegalStateException("low-emission zone " + z.id() + " reaches outside " + z.county());
                }
            }
        }
    }

    /** Every zone, in the file's order. */
    public List<Zone> all() {
        return zones;
    }

    /** The zone holding the point, if any. */
    public Optional<Zone> at(double lon, double lat) {
        return zones.stream().filter(z -> z.contains(lon, lat)).findFirst();
    }

    private static Zone zone(Map<String, String> row) {
        for (String field : List.of("id", "county", "min_stage", "status", "source")) {
            if (row.get(field) == null || row.get(field).isBlank()) {
                throw new IllegalStateException("low-emission zone " + row.get("id") + " names no " + field);
            }
        }
        Zone z = new Zone(
                row.get("id"),
                row.get("county"),
                row.get("name_zh"),
                row.get("name_en"),
                row.get("min_stage"),
                Double.parseDouble(row.get("west")),
                Double.parseDouble(row.get("south")),
                Double.parseDouble(row.get("east")),
                Double.parseDouble(row.get("north")),
                row.get("status"),
                row.get("source"));
        if (z.west() >= z.east() || z.south() >= z.north()) {
            throw new IllegalStateException("low-emission zone " + z.id() + " has an empty box");
        }
        return z;
    }

    private static String text() {
        try (InputStream in =
                LowEmissionZones.class.getClassLoader().getResourceAsStream("rules/low-emission-zones.csv")) {
            if (in == null) {
                throw new IllegalStateException("rules/low-emission-zones.csv is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
