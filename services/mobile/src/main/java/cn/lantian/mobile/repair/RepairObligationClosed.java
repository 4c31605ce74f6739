package cn.lantian.mobile.repair;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The data of {@code lantian.mobile.repair-obligation-closed.v1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RepairObligationClosed(
        String obligationId,
        String plate,
        String pollutant,
        String failedAt,
        String repairId,
        String repairStationId,
        String repairedAt,
        String testId,
        String inspectionStationId,
        String closedAt) {}
