package cn.lantian.mobile.inspection;

import java.util.List;

/**
 * A fraud signal's finding, before it is stored.
 *
 * @param id the signal and what it concerns: the later test, or the station and month of a pass rate
 * @param testIds the tests it concerns, the one that raised it last
 */
public record Finding(
        String id, String signal, String stationId, List<String> testIds, List<String> plates, String summary) {}
