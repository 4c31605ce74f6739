/**
 * Emission maintenance (M) stations, the repairs they record, and the closure of a repair obligation by a passing
 * retest after such a repair (the I/M closed loop).
 */
package cn.lantian.mobile.repair;
