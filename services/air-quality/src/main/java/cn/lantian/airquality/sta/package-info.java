/** OGC SensorThings API 1.1 over the stations and their hourly observations: URL and query parser, SQL, rendering. */
package cn.lantian.airquality.sta;
