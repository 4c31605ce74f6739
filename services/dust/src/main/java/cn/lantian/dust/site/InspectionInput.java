package cn.lantian.dust.site;

import java.util.List;

/** A six 100 % inspection as written: when, and each of the six items passed or failed with photo references. */
record InspectionInput(String id, String inspectedAt, List<Item> items) {

    /** One item's result. */
    record Item(String item, Boolean passed, List<String> photos, String note) {
    }
}
