/** What every request gets at the edge: a request id, a W3C trace context and an access-log line. */
package cn.lantian.gateway.edge;
