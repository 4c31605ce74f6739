/** Route predicates the gateway needs beyond Spring Cloud Gateway's own. */
package cn.lantian.gateway.routing;
