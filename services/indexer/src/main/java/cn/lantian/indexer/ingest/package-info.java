/** Consumption of every domain's events from RabbitMQ in batches, with per-message dead-lettering. */
package cn.lantian.indexer.ingest;
