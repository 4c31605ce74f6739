/** What the AMQP intake of readings (CEMS hours, electricity quarter hours) shares: its writer and body formats. */
package cn.lantian.stationary.messaging;
