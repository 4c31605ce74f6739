package cn.lantian.dust.site;

import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A six 100 % inspection as written: when, each of the six items passed or failed with photo references, and whether
 * earthwork or demolition was seen under way ({@code working}, checked against a stop-work measure in force).
 */
record InspectionInput(
        @Size(max = TextLength.ID) String id,
        @Size(max = TextLength.ID) String inspectedAt,
        List<@Valid Item> items,
        Boolean working) {

    /** One item's result. */
    record Item(
            @Size(max = TextLength.CODE) String item,
            Boolean passed,
            List<@Size(max = TextLength.TEXT) String> photos,
            @Size(max = TextLength.TEXT) String note) {}
}
