package cn.lantian.portal.upstream;

import java.util.List;

/**
 * An afforestation project or a sand-closure area as greening discloses it, with its outline.
 *
 * @param kind project or closure
 * @param programme the project's programme or the closure area's level (greening's codes)
 * @param year planting year of a project, designation year of a closure area (null when unknown)
 * @param hectares planted area of a project, area of a closure area
 * @param survivalPercent a project's latest survival rate, null when not checked (always null for closure areas)
 * @param polygons the outline: polygons of rings of [lon, lat]
 */
public record GreenArea(
        String id,
        String kind,
        String name,
        String programme,
        String county,
        String corpsUnit,
        Integer year,
        Double hectares,
        Double mu,
        Double survivalPercent,
        List<List<double[][]>> polygons) {}
