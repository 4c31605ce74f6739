/** The public AQI calculator: concentrations in, each IAQI, the AQI, category and primary pollutants out. */
package cn.lantian.airquality.calculator;
