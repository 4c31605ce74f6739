package cn.lantian.mobile.repair;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A repair as an M station records it; the id is generated when absent. */
record RepairInput(
        @Size(max = TextLength.ID) String id,
        @NotBlank @Size(max = TextLength.ID) String stationId,
        @NotBlank @Size(max = TextLength.CODE) String plate,
        @NotNull OffsetDateTime repairedAt,
        @NotBlank @Size(max = TextLength.TEXT) String work) {}
