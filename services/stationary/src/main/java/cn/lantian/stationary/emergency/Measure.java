package cn.lantian.stationary.emergency;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/**
 * One measure of an enterprise's emergency reduction list for one alert level.
 *
 * @param lineId production line, or null for the whole enterprise
 * @param stepId process step, or null
 * @param facilityId facility (boiler, kiln, ...) the measure acts on, or null
 * @param outletId outlet whose flow shows whether the measure is kept, or null
 * @param pmKgD expected daily reduction of PM in kg (likewise SO2, NOx, VOCs)
 * @param allowedKw highest 15-minute mean electricity use of the line while the measure is active, or null
 * @param allowedFlowM3h highest hourly outlet flow while the measure is active, or null
 */
public record Measure(
        @Size(max = TextLength.ID) String id,
        @Size(max = TextLength.ID) String enterpriseId,
        @Size(max = TextLength.ID) String lineId,
        @Size(max = TextLength.ID) String stepId,
        @Size(max = TextLength.ID) String facilityId,
        @Size(max = TextLength.ID) String outletId,
        @Size(max = TextLength.CODE) String level,
        @Size(max = TextLength.TEXT) String measure,
        double pmKgD,
        double so2KgD,
        double noxKgD,
        double vocsKgD,
        Double allowedKw,
        Double allowedFlowM3h) {}
