/** Daily values and the year's evaluation per HJ 663-2013, dust-day deduction, and progress against the plan's targets. */
package cn.lantian.airquality.evaluation;
