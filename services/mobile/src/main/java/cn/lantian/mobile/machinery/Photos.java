package cn.lantian.mobile.machinery;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/**
 * References to the registration's photos (the files live in the agency's document store, not here).
 *
 * @param machineNameplate the machine's nameplate, required
 * @param engineNameplate the engine's nameplate, required
 * @param environmentalLabel the environmental information label, where the machine carries one
 */
public record Photos(
        @Size(max = TextLength.TEXT) String machineNameplate,
        @Size(max = TextLength.TEXT) String engineNameplate,
        @Size(max = TextLength.TEXT) String environmentalLabel) {}
