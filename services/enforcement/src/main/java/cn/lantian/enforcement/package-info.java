/** Joint enforcement: cases routed to counties and Corps units, cross-enforcement and the half-yearly assessment. */
package cn.lantian.enforcement;
