package cn.lantian.greening;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A queue of this test run bound to {@code lantian.greening} for the given event types: it sees what the outbox relay
 * publishes, takes nothing from the platform's own queues, and expires after the run.
 */
public final class EventQueue {

    private final RabbitTemplate rabbit;
    private final String name;
    private final List<String> seen = new ArrayList<>();

    public EventQueue(ConnectionFactory connections, RabbitTemplate rabbit, List<String> types) {
        this.rabbit = rabbit;
        this.name = "greening-test-events-" + UUID.randomUUID().toString().substring(0, 8);
        RabbitAdmin admin = new RabbitAdmin(connections);
        admin.declareQueue(new Queue(name, false, false, false, Map.of("x-expires", 600_000)));
        TopicExchange exchange = new TopicExchange("lantian.greening", true, false);
        for (String type : types) {
            Binding binding = BindingBuilder.bind(new Queue(name)).to(exchange).with(type);
            admin.declareBinding(binding);
        }
    }

    /** Waits for a published event whose body contains every fragment, and returns its body. */
    public String await(String... fragments) {
        String[] found = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Message m = rabbit.receive(name, 200); m != null; m = rabbit.receive(name, 50)) {
                seen.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            found[0] = seen.stream()
                    .filter(b -> List.of(fragments).stream().allMatch(b::contains))
                    .findFirst()
                    .orElse(null);
            return found[0] != null;
        });
        return found[0];
    }
}
