/** The satellite fire-point feed: NASA FIRMS active-fire files (MODIS and VIIRS) on {@code lantian.straw.fire-points}. */
package cn.lantian.feeds.straw;
