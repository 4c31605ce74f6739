/**
 * What the plan discloses about periodic inspection: each inspection station's pass rate over the last year and the
 * confirmed fraud cases, with plates masked (no personal data).
 */
package cn.lantian.mobile.disclosure;
