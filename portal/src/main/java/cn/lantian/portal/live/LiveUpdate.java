package cn.lantian.portal.live;

/**
 * One thing the open pages apply without reload.
 *
 * @param kind {@code aqi} for a station's new hourly AQI, {@code alert} for an alert issued, changed or lifted
 * @param id the event id (pages ignore an id they have seen)
 * @param json the update's public fields, serialised once for every subscriber
 */
public record LiveUpdate(String kind, String id, String json) {}
