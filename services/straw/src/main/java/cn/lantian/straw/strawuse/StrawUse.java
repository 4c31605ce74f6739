package cn.lantian.straw.strawuse;

/**
 * A season's straw use of one unit with the figures derived from it.
 *
 * @param utilisationRate (returned + feed + fuel + raw material + base material) / produced
 * @param target the national utilisation target (国发〔2023〕24号)
 * @param meetsTarget whether the rate reaches it
 * @param burningIncidents satellite incidents of the season in the unit, less those verified as false alarms or
 *     industrial sources
 * @param incidentsPer1000Ha burning incidents per 1,000 ha of crop area, as the national reports count them
 */
public record StrawUse(
        String unit,
        String season,
        double cropAreaHa,
        double producedT,
        double returnedT,
        double feedT,
        double fuelT,
        double rawMaterialT,
        double baseMaterialT,
        double utilisationRate,
        double target,
        boolean meetsTarget,
        long burningIncidents,
        Double incidentsPer1000Ha) {}
