package cn.lantian.mobile.vehicle;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a caller sends to register a vehicle or change its registration. */
public record VehicleInput(
        @Size(max = TextLength.ID) String id,
        @Size(max = TextLength.CODE) String plate,
        @Size(max = TextLength.CODE) String vin,
        @Size(max = TextLength.CODE) String kind,
        @Size(max = TextLength.CODE) String fuel,
        @Size(max = TextLength.CODE) String emissionStage,
        LocalDate certifiedOn,
        Boolean operatingFreight,
        @Size(max = TextLength.NAME) String owner,
        @Size(max = TextLength.ID) String home) {}
