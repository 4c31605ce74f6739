/** The monitor vendors' systems: construction-site particulate monitors' readings on {@code lantian.dust.readings}. */
package cn.lantian.feeds.dust;
