package cn.lantian.mobile.inspection;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An officer's decision on a suspected finding: confirmed (disclosed to the public) or dismissed, with why. */
record Decision(
        @NotBlank @Pattern(regexp = "confirmed|dismissed", message = "must be confirmed or dismissed")
        String status,

        @NotBlank @Size(max = TextLength.TEXT) String note) {}
