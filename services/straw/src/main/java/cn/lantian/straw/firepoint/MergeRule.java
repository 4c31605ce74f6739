package cn.lantian.straw.firepoint;

import java.time.Duration;

/**
 * When two detections are of the same fire: no farther apart than {@code distanceKm} and no more than {@code window}
 * apart in time, both bounds inclusive (rule data: {@code merge-distance-km}, {@code merge-window-hours}).
 */
record MergeRule(double distanceKm, Duration window) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** The largest latitude difference, in degrees, of two points no farther apart than {@code km}. */
    static double maxLatDegrees(double km) {
        return Math.toDegrees(km / EARTH_RADIUS_KM);
    }

    /** Great-circle distance (haversine) in kilometres. */
    static double km(double lat1, double lon1, double lat2, double lon2) {
        return kmOf(haversine(lat1, lon1, lat2, lon2));
    }

    /** The haversine of the central angle: grows with the distance, and is cheap next to the distance itself. */
    static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        return Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
    }

    /** The distance, in kilometres, of a {@link #haversine}. */
    static double kmOf(double haversine) {
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(haversine)));
    }

    /**
     * A haversine above which two points lie farther apart than {@code km}, with a margin far above rounding, so that
     * the inclusive bound itself is still decided by {@link #km}.
     */
    static double haversineBeyond(double km) {
        double s = Math.sin(km / (2 * EARTH_RADIUS_KM));
        return s * s * (1 + 1e-9);
    }
}
