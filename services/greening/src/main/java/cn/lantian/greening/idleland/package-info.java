/** Idle-land greening: tasks the dust service opens are received, planned, done and answered with an event. */
package cn.lantian.greening.idleland;
