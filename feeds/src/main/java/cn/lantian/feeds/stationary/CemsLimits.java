package cn.lantian.feeds.stationary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The limits and reference oxygen of {@code rules/cems-limits.csv} (sources named there), per source kind. */
record CemsLimits(Map<String, Map<String, Double>> limits, Map<String, Double> referenceO2) {

    static CemsLimits load() {
        Map<String, Map<String, Double>> limits = new HashMap<>();
        Map<String, Double> o2 = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CemsLimits.class.getResourceAsStream("/rules/cems-limits.csv"), StandardCharsets.UTF_8))) {
            String[] header = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (header == null) {
                    header = f;
                    continue;
                }
                Map<String, Double> row = new HashMap<>();
                for (int c = 1; c <= 3; c++) {
                    row.put(header[c], Double.valueOf(f[c]));
                }
                limits.put(f[0], row);
                if (!f[4].isBlank()) {
                    o2.put(f[0], Double.valueOf(f[4]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CemsLimits(limits, o2);
    }

    /** The limit of an outlet for a pollutant, or null where the table has none (the outlet then gets no value). */
    Double limit(Outlet outlet, String pollutant) {
        Map<String, Double> row = limits.get(outlet.ultraLow() ? "ultra-low" : outlet.sourceKind());
        return row == null ? null : row.get(pollutant);
    }

    double referenceO2(String sourceKind) {
        return referenceO2.getOrDefault(sourceKind, 9.0);
    }
}
