package cn.lantian.indexer.search;

import cn.lantian.indexer.index.IndexLayout;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the search over the joint alias. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    EventSearch eventSearch(ElasticsearchAsyncClient es, IndexLayout layout, SearchProperties properties) {
        return new EventSearch(es, layout, properties.timeZone(), properties.prefectureOnlyDomains());
    }
}
