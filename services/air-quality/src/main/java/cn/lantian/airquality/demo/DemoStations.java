package cn.lantian.airquality.demo;

import cn.lantian.airquality.station.Station;
import cn.lantian.reference.Jurisdictions;
import cn.lantian.reference.Placement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code demo/stations.csv} and places each station with {@link Jurisdictions#locate}. */
final class DemoStations {

    private DemoStations() {}

    static List<DemoStation> load(Jurisdictions jurisdictions) {
        List<DemoStation> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DemoStations.class.getResourceAsStream("/demo/stations.csv"), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                double lon = Double.parseDouble(f[4]);
                double lat = Double.parseDouble(f[5]);
                Placement declared = new Placement(f[6], f[7].isEmpty() ? null : f[7]);
                Placement located = jurisdictions.locate(lon, lat).orElse(declared);
                // Regiments have no drawn area: keep the declared unit where the boundaries cannot tell.
                String corps = located.corpsUnit() == null
                                || (declared.corpsUnit() != null
                                        && !declared.corpsUnit().equals(located.corpsUnit()))
                        ? declared.corpsUnit()
                        : located.corpsUnit();
                out.add(new DemoStation(
                        new Station(
                                f[0],
                                f[1],
                                f[2],
                                f[9].isBlank() ? null : f[9],
                                f[3],
                                lon,
                                lat,
                                located.jurisdiction(),
                                corps,
                                null,
                                null,
                                null),
                        Double.parseDouble(f[8])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
