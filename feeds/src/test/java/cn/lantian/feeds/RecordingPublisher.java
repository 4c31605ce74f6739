package cn.lantian.feeds;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a feed publishes, as the broker would receive it. */
public final class RecordingPublisher implements Publisher {

    /** One published message. */
    public record Message(String exchange, String routingKey, String contentType, String messageId, byte[] body) {

        /** The body's lines. */
        public List<String> lines() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        }

        /** What the contract's inbound formats find wrong with it. */
        public List<String> violations() {
            return InboundContract.get().violations(exchange, routingKey, contentType, body);
        }
    }

    public final List<Message> messages = new ArrayList<>();

    @Override
    public void publish(String exchange, String routingKey, String contentType, String messageId, byte[] body) {
        messages.add(new Message(exchange, routingKey, contentType, messageId, body));
    }
}
