/** Consumes the domain exchanges: findings become cases, reports feed the assessment, each event once. */
package cn.lantian.enforcement.intake;
