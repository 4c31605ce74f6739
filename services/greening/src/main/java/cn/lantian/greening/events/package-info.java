/** The events this service raises, appended to the platform outbox in the writer's transaction. */
package cn.lantian.greening.events;
