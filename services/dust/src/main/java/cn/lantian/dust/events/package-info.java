/** The event types this service publishes and the small helpers that shape their data. */
package cn.lantian.dust.events;
