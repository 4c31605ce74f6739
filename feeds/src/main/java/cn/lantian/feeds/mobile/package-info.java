/** The remote-sensing stations' systems: roadside readings of passing vehicles on {@code lantian.mobile.readings}. */
package cn.lantian.feeds.mobile;
