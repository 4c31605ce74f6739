package cn.lantian.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.contract.EventContract;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class IndexerBindingTests {

    @Test
    void consumesTheExchangeOfEveryDomainInTheCatalogue() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String destinations = yaml.getObject().getProperty("spring.cloud.stream.bindings.index-in-0.destination");

        assertThat(Arrays.asList(destinations.split(",")))
                .containsExactlyInAnyOrderElementsOf(EventContract.load().domains().stream()
                        .map(EventContract::exchangeOf)
                        .toList());
    }
}
