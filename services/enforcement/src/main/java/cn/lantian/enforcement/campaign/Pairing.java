package cn.lantian.enforcement.campaign;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/** An inspecting team (named by its unit) sent into a unit it does not govern. */
public record Pairing(
        @Size(max = TextLength.ID) String team,
        @Size(max = TextLength.ID) String target) {}
