package cn.lantian.straw.firepoint;

import java.util.List;
import java.util.Map;

/**
 * The answer to an import: counts and one entry per data row.
 *
 * @param dialect MODIS or VIIRS
 * @param rows data rows read
 * @param accepted rows that opened an incident
 * @param merged rows that joined an incident (of this file or stored before)
 * @param skipped rows kept out, by reason (e.g. {@code outside-prefecture}, {@code type-2-static-land-source})
 * @param rejected rows that are not valid FIRMS rows
 * @param incidents the incidents opened
 * @param results every row's fate, in line order
 */
public record ImportReport(
        String dialect,
        int rows,
        int accepted,
        int merged,
        Map<String, Integer> skipped,
        int rejected,
        List<String> incidents,
        List<RowResult> results) {}
