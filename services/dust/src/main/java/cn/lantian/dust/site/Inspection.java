package cn.lantian.dust.site;

import java.time.Instant;
import java.util.List;

/** A stored six 100 % inspection; {@code failed} names the items that failed. */
record Inspection(
        String id,
        String siteId,
        Instant inspectedAt,
        String inspector,
        List<InspectionInput.Item> items,
        List<String> failed) {}
