/** Satellite fire points: FIRMS import by upload and by AMQP, placement, merging into incidents, their events. */
package cn.lantian.straw.firepoint;
