package cn.lantian.dust.site;

import java.math.BigDecimal;

/** A site as written by the API or one CSV row; checked by {@link SiteService}. */
record SiteInput(String id, String project, String builderName, String builderCreditCode, BigDecimal areaM2,
        String phase, String plannedStart, String plannedEnd, String actualStart, String actualEnd, String address,
        Double lon, Double lat, String status) {
}
