package cn.lantian.stationary.permit;

import java.time.LocalDate;
import java.util.List;

/** What a caller sends to issue or change a permit. */
public record PermitInput(String number, String enterpriseId, LocalDate validFrom, LocalDate validUntil,
        List<PermitLimit> limits) {
}
