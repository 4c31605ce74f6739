/** Boundaries as GeoJSON polygons: reading them, their area, and where they lie (the larger share decides). */
package cn.lantian.greening.geo;
