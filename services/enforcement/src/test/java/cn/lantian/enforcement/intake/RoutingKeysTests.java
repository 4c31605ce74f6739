package cn.lantian.enforcement.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.enforcement.assessment.Weights;
import cn.lantian.enforcement.registry.PermitRegistry;
import cn.lantian.enforcement.routing.RoutingTable;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The queues are bound to exactly the event types the routing table, the assessment and the registry consume. */
class RoutingKeysTests {

    @Test
    void theBindingsRoutingKeysAreTheTypesTheDataNames() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        var props = yaml.getObject();
        String keys =
                props.getProperty("spring.cloud.stream.rabbit.bindings.findings-in-0.consumer.binding-routing-key");
        String destinations = props.getProperty("spring.cloud.stream.bindings.findings-in-0.destination");

        Set<String> wanted =
                new TreeSet<>(RoutingTable.load("routing/case-routes.json").types());
        wanted.addAll(Weights.load("assessment/weights.json").countedTypes());
        wanted.addAll(PermitRegistry.types());
        assertThat(new TreeSet<>(Arrays.asList(keys.split(",")))).isEqualTo(wanted);

        Set<String> exchanges =
                wanted.stream().map(t -> "lantian." + t.split("\\.")[1]).collect(Collectors.toSet());
        assertThat(Set.of(destinations.split(","))).isEqualTo(exchanges);
        assertThat(props.getProperty("spring.cloud.stream.bindings.findings-in-0.group"))
                .isEqualTo("enforcement");
        assertThat(props)
                .containsEntry(
                        "spring.cloud.stream.rabbit.bindings.findings-in-0.consumer.dead-letter-exchange",
                        "lantian.dlx");
        assertThat(Map.copyOf(props))
                .containsEntry("spring.cloud.stream.rabbit.bindings.findings-in-0.consumer.quorum.enabled", true);
    }
}
