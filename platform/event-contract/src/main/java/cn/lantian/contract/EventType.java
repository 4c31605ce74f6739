package cn.lantian.contract;

/**
 * One event type of the contract: where it is published and which schema its {@code data} follows.
 *
 * @param type the CloudEvents type, {@code lantian.<domain>.<event-name>.v<N>}, also the AMQP routing key
 * @param domain the publishing domain
 * @param exchange the durable topic exchange it is published to
 * @param schema classpath-relative path of the JSON Schema of its {@code data}
 * @param example classpath-relative path of a valid example event
 * @param description one sentence of what happened
 */
public record EventType(
        String type,
        String domain,
        String exchange,
        String routingKey,
        String schema,
        String example,
        String description) {

    /** The version number at the end of the type, e.g. 1 for {@code ...v1}. */
    public int version() {
        return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2));
    }
}
