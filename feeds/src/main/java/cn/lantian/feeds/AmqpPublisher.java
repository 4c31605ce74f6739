package cn.lantian.feeds;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Publishes persistent messages on one channel with publisher confirms, as an agency's data link would: a batch
 * counts as delivered only once the broker confirmed it.
 */
public final class AmqpPublisher implements Publisher {

    private static final long CONFIRM_TIMEOUT_MS = 60_000;

    private final Channel channel;

    public AmqpPublisher(Channel channel) throws IOException {
        this.channel = channel;
        channel.confirmSelect();
    }

    /** Publishes one message and waits for the broker's confirm; {@code messageId} makes a replay recognisable. */
    @Override
    public void publish(String exchange, String routingKey, String contentType, String messageId, byte[] body)
            throws IOException {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType(contentType)
                .contentEncoding("UTF-8")
                .deliveryMode(2)
                .messageId(messageId)
                .appId("lantian-feeds")
                .build();
        channel.basicPublish(exchange, routingKey, props, body);
        try {
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the broker's confirm", e);
        } catch (TimeoutException e) {
            throw new IOException("the broker did not confirm within " + CONFIRM_TIMEOUT_MS + " ms", e);
        }
    }
}
