/**
 * Periodic emission inspection (I/M, HJ 1237/1238-2021): inspection stations, their uploaded tests by batch and AMQP,
 * the I/M closed loop (a failed vehicle's retest counts only after an M-station repair) and the fraud signals.
 */
package cn.lantian.mobile.inspection;
