package cn.lantian.portal.upstream;

/**
 * A vehicle emission-inspection (I/M) station as mobile discloses it: its pass rate over the last year and its
 * confirmed fraud cases. Mobile holds no address for a station, only the county (or Corps unit) it lies in.
 *
 * @param licence its inspection-body qualification (检验检测机构资质认定) number
 * @param unit the county code or Corps unit id it lies in
 * @param passRate passes over tests in percent with one decimal, as mobile computes it; null without tests
 */
public record InspectionStation(
        String id,
        String name,
        String licence,
        String unit,
        Integer lanes,
        long tests,
        long passes,
        Double passRate,
        long confirmedFraudCases) {}
