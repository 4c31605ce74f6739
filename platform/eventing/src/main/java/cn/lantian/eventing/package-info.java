/** The eventing runtime: transactional outbox, confirmed relay, contract-checked incoming events, idempotent consumers. */
package cn.lantian.eventing;
