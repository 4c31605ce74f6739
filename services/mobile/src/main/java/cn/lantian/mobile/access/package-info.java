/** Who may read and write mobile-source records: the security chain and the jurisdiction checks. */
package cn.lantian.mobile.access;
