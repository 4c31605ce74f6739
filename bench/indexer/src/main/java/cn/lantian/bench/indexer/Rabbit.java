package cn.lantian.bench.indexer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/** A publishing channel with confirms, straight into one queue through the default exchange. */
final class Rabbit implements AutoCloseable {

    static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
            .contentType("application/cloudevents+json").deliveryMode(2).build();

    private final Connection connection;
    final Channel channel;

    Rabbit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        connection = factory.newConnection("indexer-bench");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    void publish(String queue, byte[] body) throws Exception {
        channel.basicPublish("", queue, PERSISTENT, body);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
