/** The events this service raises, as records of their data, and the way they reach the outbox. */
package cn.lantian.straw.events;
