/** The live feed: latest AQI of every station and the server-sent-events stream fed by air-quality events. */
package cn.lantian.portal.live;
