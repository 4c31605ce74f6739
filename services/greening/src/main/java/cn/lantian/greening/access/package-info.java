/** Who may read and write greening records: the security chain and the jurisdiction checks. */
package cn.lantian.greening.access;
