import com.rabbitmq.client.ConnectionFactory;

/** Removes the benchmark's consumer queues from the local broker. */
public class DeleteQueue {
    public static void main(String[] queues) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost("lantian-test"); // the tests' virtual host: never a running platform's exchanges
        try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
            for (String q : queues) {
                channel.queueDelete(q);
            }
        }
    }
}
