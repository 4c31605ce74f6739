/** Wiring: the Elasticsearch client, its health, and the security chain. */
package cn.lantian.indexer.config;
