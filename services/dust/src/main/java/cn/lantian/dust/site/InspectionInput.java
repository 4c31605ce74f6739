package cn.lantian.dust.site;

import java.util.List;

/**
 * A six 100 % inspection as written: when, each of the six items passed or failed with photo references, and whether
 * earthwork or demolition was seen under way ({@code working}, checked against a stop-work measure in force).
 */
record InspectionInput(String id, String inspectedAt, List<Item> items, Boolean working) {

    /** One item's result. */
    record Item(String item, Boolean passed, List<String> photos, String note) {
    }
}
