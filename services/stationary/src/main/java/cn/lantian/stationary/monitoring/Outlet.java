package cn.lantian.stationary.monitoring;

import cn.lantian.reference.Placement;

/** What ingest needs to know of an outlet. */
record Outlet(String id, String enterpriseId, Placement placement, double lon, double lat, String sourceKind) {}
