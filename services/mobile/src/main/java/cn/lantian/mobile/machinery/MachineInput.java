package cn.lantian.mobile.machinery;

import cn.lantian.web.TextLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What a caller sends to register a machine; the service assigns its code. */
public record MachineInput(
        @Size(max = TextLength.CODE) String kind,
        @Size(max = TextLength.NAME) String maker,
        @Size(max = TextLength.NAME) String model,
        LocalDate productionDate,
        @Size(max = TextLength.CODE) String emissionStage,
        @Size(max = TextLength.CODE) String fuel,
        @Size(max = 6) List<@Size(max = TextLength.CODE) String> afterTreatment,
        @Size(max = TextLength.NAME) String owner,
        @Size(max = TextLength.NAME) String operator,
        @Size(max = TextLength.NAME) String contact,
        @Size(max = TextLength.ID) String home,
        @Valid Photos photos,
        LocalDate acquiredOn) {}
