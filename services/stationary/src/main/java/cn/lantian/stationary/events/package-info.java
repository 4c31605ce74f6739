/** Parts of this service's event data that several features share; events go straight to the platform outbox. */
package cn.lantian.stationary.events;
