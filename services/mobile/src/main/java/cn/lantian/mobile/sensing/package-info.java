/**
 * Remote-sensing and roadside readings: intake by batch upload and AMQP, limits per fuel and pollutant, the
 * two-failures-in-six-months judgement, and the repair obligations it opens.
 */
package cn.lantian.mobile.sensing;
