package cn.lantian.mobile.inspection;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An inspection station's registration as written. */
record StationInput(
        @NotBlank @Size(max = TextLength.NAME) String name,
        @NotBlank @Size(max = TextLength.CODE) String licence,
        @NotBlank @Size(max = TextLength.ID) String unit,
        @NotNull @Min(1) @Max(50) Integer lanes) {}
