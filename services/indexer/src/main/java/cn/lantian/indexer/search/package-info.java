/** The joint search API: full text, filters, aggregations and cursors, filtered by the caller's jurisdiction. */
package cn.lantian.indexer.search;
