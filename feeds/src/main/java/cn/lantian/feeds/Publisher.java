package cn.lantian.feeds;

import java.io.IOException;

/** Where a feed's messages go: the broker in operation ({@link AmqpPublisher}), a recorder in the tests. */
public interface Publisher {

    /** Publishes one message; returns once the broker holds it. */
    void publish(String exchange, String routingKey, String contentType, String messageId, byte[] body)
            throws IOException;
}
