package cn.lantian.dust.monitor;

import cn.lantian.reference.Placement;

/** A monitor and the site it stands on. */
record MonitoredSite(
        String monitorId, String siteId, double lon, double lat, String jurisdiction, String corpsUnit, String phase) {

    Placement placement() {
        return new Placement(jurisdiction, corpsUnit);
    }
}
