package cn.lantian.reference;

/**
 * One of the enterprises the plan names for ultra-low-emission retrofit (section 三.五).
 *
 * @param location approximate [lon, lat] for demonstration, not the surveyed plant site
 */
public record NamedEnterprise(
        String id,
        String nameZh,
        String nameEn,
        String industry,
        String county,
        double[] location,
        String planRequirement,
        String planSection) {}
