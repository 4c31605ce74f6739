/** Abuse limits: requests per window in Redis, body size and JSON well-formedness before anything is relayed. */
package cn.lantian.gateway.limits;
