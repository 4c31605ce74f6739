/** AQI categories, their names and colours, as data. */
package cn.lantian.portal.aqi;
