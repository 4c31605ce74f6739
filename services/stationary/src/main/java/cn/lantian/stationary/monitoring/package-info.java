/** Continuous emission monitoring (CEMS): hourly values, reference oxygen, exceedances, escalations, data gaps. */
package cn.lantian.stationary.monitoring;
