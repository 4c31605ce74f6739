/** The indexer service: event ingestion into Elasticsearch and the jurisdiction-filtered joint search. */
package cn.lantian.indexer;
