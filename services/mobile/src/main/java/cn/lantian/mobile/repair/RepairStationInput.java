package cn.lantian.mobile.repair;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An M station's registration as written. */
record RepairStationInput(
        @NotBlank @Size(max = TextLength.NAME) String name,
        @NotBlank @Size(max = TextLength.CODE) String licence,
        @NotBlank @Size(max = TextLength.ID) String unit) {}
