/** Hourly observations: batch ingest (JSON lines, CSV), the real-time hourly AQI, and public station reads. */
package cn.lantian.airquality.observation;
