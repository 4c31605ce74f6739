/**
 * Site particulate monitors: registration, readings by HTTP batch and by AMQP, hourly means, the exceedance rule
 * against an absolute alarm level and the nearest national station's same hour, and silent monitors.
 */
package cn.lantian.dust.monitor;
