package cn.lantian.portal.upstream;

/**
 * One unit's straw use in one season as straw publishes it ({@code GET /api/public/v1/straw/utilisation}): tonnes by
 * way of use, the utilisation rate against the national target, and burning incidents per 1,000 ha of cropland.
 *
 * @param unit county division code or Corps unit id
 * @param season such as 2025-autumn
 * @param targetSource the document the target comes from
 */
public record StrawUseRow(
        String unit,
        String season,
        Double cropAreaHa,
        Double producedT,
        Double returnedT,
        Double feedT,
        Double fuelT,
        Double rawMaterialT,
        Double baseMaterialT,
        Double utilisationRate,
        Double target,
        boolean meetsTarget,
        Integer burningIncidents,
        Double incidentsPer1000Ha,
        String targetSource) {}
