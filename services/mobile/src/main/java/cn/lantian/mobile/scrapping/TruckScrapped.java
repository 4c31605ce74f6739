package cn.lantian.mobile.scrapping;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The data of {@code lantian.mobile.truck-scrapped.v1}: a vehicle under a scrapping obligation was deregistered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TruckScrapped(
        String plate,
        String emissionStandard,
        String date,
        String vehicleClass,
        String fuel,
        String reason,
        String ruleSource) {}
