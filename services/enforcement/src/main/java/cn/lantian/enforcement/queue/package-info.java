/** The live work queue: new cases, escalations and referrals, streamed and paged per caller. */
package cn.lantian.enforcement.queue;
