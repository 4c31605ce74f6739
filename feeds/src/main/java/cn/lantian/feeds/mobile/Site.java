package cn.lantian.feeds.mobile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A roadside remote-sensing site: where it stands and its traffic as a share of the busiest site's. */
record Site(String id, String name, double lon, double lat, double traffic) {

    /** The demo's sites ({@code sites/remote-sensing-sites.csv}). */
    static List<Site> demo() {
        try (InputStream in = Site.class.getClassLoader().getResourceAsStream("sites/remote-sensing-sites.csv")) {
            List<Site> sites = new ArrayList<>();
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
                sites.add(new Site(
                        f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
            return List.copyOf(sites);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
