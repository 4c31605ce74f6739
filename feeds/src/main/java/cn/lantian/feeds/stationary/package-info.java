/** The enterprises' CEMS gateways: hourly values of every monitored outlet on {@code lantian.stationary.readings}. */
package cn.lantian.feeds.stationary;
