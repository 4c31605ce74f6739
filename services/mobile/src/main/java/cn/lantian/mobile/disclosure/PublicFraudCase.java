package cn.lantian.mobile.disclosure;

import java.time.Instant;
import java.util.List;

/** A confirmed fraud case as disclosed: plates masked. */
record PublicFraudCase(
        String id,
        String signal,
        String stationId,
        String stationName,
        String unit,
        Instant detectedAt,
        Instant confirmedAt,
        String summary,
        List<String> plates) {}
