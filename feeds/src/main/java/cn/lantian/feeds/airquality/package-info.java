/** The monitoring network's data links: every station's hour, as CSV batches on {@code lantian.air-quality.observations}. */
package cn.lantian.feeds.airquality;
