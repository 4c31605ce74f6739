package cn.lantian.feeds.straw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A unit's farmland where straw fires are placed: its centre, radius and share of the prefecture's fires. */
record Farmland(String unit, double lon, double lat, double radiusKm, double share) {

    /** The demo's farmland ({@code sites/farmland.csv}). */
    static List<Farmland> demo() {
        try (InputStream in = Farmland.class.getClassLoader().getResourceAsStream("sites/farmland.csv")) {
            List<Farmland> out = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                out.add(new Farmland(
                        f[0],
                        Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
