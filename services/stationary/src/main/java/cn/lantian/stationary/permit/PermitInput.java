package cn.lantian.stationary.permit;

import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What a caller sends to issue or change a permit. */
public record PermitInput(
        @Size(max = TextLength.ID) String number,
        @Size(max = TextLength.ID) String enterpriseId,
        LocalDate validFrom,
        LocalDate validUntil,
        @Valid List<PermitLimit> limits) {}
