/** Who may read and write dust and catering records: the security chain and the jurisdiction checks. */
package cn.lantian.dust.access;
