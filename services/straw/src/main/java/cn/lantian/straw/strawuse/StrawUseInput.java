package cn.lantian.straw.strawuse;

/**
 * A season's straw figures of one county or Corps unit, as its agriculture bureau reports them.
 *
 * @param cropAreaHa sown area of the crops whose straw is counted, hectares
 * @param producedT straw produced (可收集量), tonnes
 * @param returnedT returned to fields (肥料化), tonnes
 * @param feedT used as feed (饲料化), tonnes
 * @param fuelT used as fuel (燃料化), tonnes
 * @param rawMaterialT used as industrial raw material (原料化), tonnes
 * @param baseMaterialT used as growing base material (基料化), tonnes
 */
public record StrawUseInput(
        Double cropAreaHa,
        Double producedT,
        Double returnedT,
        Double feedT,
        Double fuelT,
        Double rawMaterialT,
        Double baseMaterialT) {}
