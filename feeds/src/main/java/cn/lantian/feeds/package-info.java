/** The live agency feeds: outside systems that publish their data to the platform's public AMQP exchanges. */
package cn.lantian.feeds;
