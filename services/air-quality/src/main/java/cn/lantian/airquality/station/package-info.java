/** Monitoring stations: where they are and which county and Corps unit they belong to. */
package cn.lantian.airquality.station;
