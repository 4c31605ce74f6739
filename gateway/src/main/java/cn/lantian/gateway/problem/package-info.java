/** Every error the gateway itself answers, as RFC 9457 problem details without internals. */
package cn.lantian.gateway.problem;
