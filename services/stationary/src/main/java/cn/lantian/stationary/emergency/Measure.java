package cn.lantian.stationary.emergency;

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
public record Measure(String id, String enterpriseId, String lineId, String stepId, String facilityId, String outletId,
        String level, String measure, double pmKgD, double so2KgD, double noxKgD, double vocsKgD, Double allowedKw,
        Double allowedFlowM3h) {
}
