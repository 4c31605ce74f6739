/** Air quality indices (HJ 633 and US EPA) computed from breakpoint tables kept as versioned data. */
package cn.lantian.airquality.aqi;
