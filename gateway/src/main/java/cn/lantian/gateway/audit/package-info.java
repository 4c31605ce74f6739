/** The audit trail: every authenticated write and every read across jurisdictions, kept through the outbox. */
package cn.lantian.gateway.audit;
