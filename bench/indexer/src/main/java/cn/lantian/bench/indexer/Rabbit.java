package cn.lantian.bench.indexer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** A publishing channel with confirms, straight into one queue through the default exchange. */
final class Rabbit implements AutoCloseable {

    static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
            .contentType("application/cloudevents+json")
            .deliveryMode(2)
            .build();

    private final Connection connection;
    final Channel channel;

    Rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        // BENCH_AMQP_PORT: a cluster node's port (./lantian up --cluster); the machine's broker by default.
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("BENCH_AMQP_PORT", "5672")));
        connection = factory.newConnection("indexer-bench");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    /**
     * Declares the indexer's queue for a domain exactly as its binder does (quorum, dead-lettering to lantian.dlx,
     * expiring when unused), so that it can be filled before the indexer starts.
     */
    void declareIndexerQueue(String queue, String exchange, long expiresMillis) throws Exception {
        channel.exchangeDeclare(exchange, "topic", true);
        channel.exchangeDeclare("lantian.dlx", "direct", true);
        channel.queueDeclare(
                queue + ".dlq", true, false, false, java.util.Map.of("x-queue-type", "quorum", "x-expires", (int)
                        expiresMillis));
        channel.queueBind(queue + ".dlq", "lantian.dlx", queue);
        channel.queueDeclare(
                queue,
                true,
                false,
                false,
                java.util.Map.of(
                        "x-queue-type",
                        "quorum",
                        "x-dead-letter-exchange",
                        "lantian.dlx",
                        "x-dead-letter-routing-key",
                        queue,
                        "x-expires",
                        (int) expiresMillis));
        channel.queueBind(queue, exchange, "#");
    }

    void publish(String queue, byte[] body) throws Exception {
        channel.basicPublish("", queue, PERSISTENT, body);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
