package cn.lantian.portal.upstream;

import java.time.LocalDate;

/** A closed enforcement case's public outcome (open cases are never read into this). */
public record ClosedCase(String id, String enterpriseId, String subject, String county, String violation,
        String outcome, Double penaltyYuan, LocalDate closedOn) {
}
