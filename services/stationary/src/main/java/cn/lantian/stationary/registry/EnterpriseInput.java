package cn.lantian.stationary.registry;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/** What a caller sends to create or change an enterprise. */
public record EnterpriseInput(
        @Size(max = TextLength.ID) String id,
        @Size(max = TextLength.ID) String creditCode,
        @Size(max = TextLength.NAME) String name,
        @Size(max = TextLength.NAME) String industry,
        @Size(max = TextLength.CODE) String grade,
        @Size(max = TextLength.CODE) String ultraLow,
        Double lon,
        Double lat) {}
