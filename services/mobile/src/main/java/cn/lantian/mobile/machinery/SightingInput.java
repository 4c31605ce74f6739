package cn.lantian.mobile.machinery;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A machine seen at work.
 *
 * @param code the registration code read off the machine, null when it carries none
 * @param site the construction site or place, free text
 * @param ringelmann the smoke's Ringelmann grade (0 to 5) where observed
 * @param observedStage the stage on the machine's label, for a machine without a code
 */
public record SightingInput(
        OffsetDateTime at,
        Double lon,
        Double lat,
        @Size(max = TextLength.CODE) String code,
        @Size(max = TextLength.NAME) String site,
        Double ringelmann,
        @Size(max = TextLength.CODE) String observedStage) {}
