package cn.lantian.greening.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lantian.greening.EventQueue;
import cn.lantian.greening.IntegrationTest;
import cn.lantian.testsupport.DemoIdentity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox relay publishes a project's events to {@code lantian.greening}, with the type as routing key. */
class SurvivalPublishedIntegrationTests extends IntegrationTest {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ConnectionFactory connections;

    @Test
    void plantingAndASurvivalCheckReachTheExchange() {
        EventQueue published = new EventQueue(
                connections,
                rabbit,
                List.of("lantian.greening.area-greened.v1", "lantian.greening.survival-checked.v1"));
        String id = createProject(DemoIdentity.FORESTRY_CORPS, box(79.15, 39.86, 79.17, 39.88));
        assertThat(published.await("\"type\":\"lantian.greening.area-greened.v1\"", "\"areaId\":\"" + id + "\""))
                .contains("\"jurisdiction\":\"653130\"", "\"corpsunit\":\"xpcc-3\"", "\"sharing\":\"joint\"");
        http.post()
                .uri("/api/greening/v1/projects/" + id + "/survival-checks")
                .header("Authorization", token(DemoIdentity.FORESTRY_CORPS))
                .bodyValue(Map.of("checkedOn", LocalDate.now().toString(), "survivalRate", 40.5))
                .exchange()
                .expectStatus()
                .isCreated();
        assertThat(published.await("\"type\":\"lantian.greening.survival-checked.v1\"", "\"projectId\":\"" + id + "\""))
                .contains("\"verdict\":\"replant-all\"", "\"agency\":\"forestry\"");
    }
}
