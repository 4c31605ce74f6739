package cn.lantian.dust.site;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A site as written by the API or one CSV row; checked by {@link SiteService}. */
record SiteInput(
        @Size(max = TextLength.ID) String id,
        @Size(max = TextLength.NAME) String project,
        @Size(max = TextLength.NAME) String builderName,
        @Size(max = TextLength.ID) String builderCreditCode,
        BigDecimal areaM2,
        @Size(max = TextLength.CODE) String phase,
        @Size(max = TextLength.ID) String plannedStart,
        @Size(max = TextLength.ID) String plannedEnd,
        @Size(max = TextLength.ID) String actualStart,
        @Size(max = TextLength.ID) String actualEnd,
        @Size(max = TextLength.TEXT) String address,
        Double lon,
        Double lat,
        @Size(max = TextLength.CODE) String status) {}
