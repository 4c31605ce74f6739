/** The events this service raises and the port through which they reach the outbox. */
package cn.lantian.mobile.events;
