/** The half-yearly assessment: targets, plan tasks and case timeliness scored per county and Corps division. */
package cn.lantian.enforcement.assessment;
