package cn.lantian.mobile.disclosure;

/**
 * An inspection station as disclosed.
 *
 * @param passRate passes over tests in the period, in percent with one decimal; null without tests
 * @param confirmedFraudCases fraud findings an officer confirmed
 */
record PublicStation(
        String id,
        String name,
        String licence,
        String unit,
        int lanes,
        long tests,
        long passes,
        Double passRate,
        long confirmedFraudCases) {}
