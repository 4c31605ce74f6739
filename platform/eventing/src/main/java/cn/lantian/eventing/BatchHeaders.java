package cn.lantian.eventing;

import java.util.Collections;
import java.util.Map;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.integration.amqp.support.AmqpHeaderMapper;
import org.springframework.integration.amqp.support.DefaultAmqpHeaderMapper;
import org.springframework.messaging.MessageHeaders;

/**
 * The inbound header mapping of batch bindings: each message's AMQP properties are handed over as they are, under one
 * key. The default mapper copies about twenty standard headers and every custom header of every message into a new
 * map, which a batch consumer then reads three of; at thousands of messages a second that copying showed up among
 * the consumer's allocations.
 */
final class BatchHeaders implements AmqpHeaderMapper {

    /** The key under which a message's {@link MessageProperties} are handed over. */
    static final String PROPERTIES = "lantian_amqpProperties";

    private final AmqpHeaderMapper standard = DefaultAmqpHeaderMapper.inboundMapper();

    @Override
    public Map<String, Object> toHeadersFromRequest(MessageProperties source) {
        return Collections.singletonMap(PROPERTIES, source);
    }

    @Override
    public void fromHeadersToRequest(MessageHeaders headers, MessageProperties target) {
        standard.fromHeadersToRequest(headers, target);
    }

    @Override
    public void fromHeadersToReply(MessageHeaders headers, MessageProperties target) {
        standard.fromHeadersToReply(headers, target);
    }

    @Override
    public Map<String, Object> toHeadersFromReply(MessageProperties source) {
        return standard.toHeadersFromReply(source);
    }
}
