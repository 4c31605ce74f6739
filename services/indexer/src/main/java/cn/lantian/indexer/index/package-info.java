/** The Elasticsearch side: index layout, the document an event becomes, bulk writes with retries. */
package cn.lantian.indexer.index;
