package cn.lantian.chaos;

import java.util.Arrays;
import java.util.List;

/**
 * Where the cluster answers, from the environment the launcher sets (infra/cluster.env and the generated secrets).
 *
 * @param amqpPorts the RabbitMQ nodes' AMQP ports on 127.0.0.1
 * @param elasticsearchPorts the Elasticsearch nodes' HTTP ports on 127.0.0.1
 * @param postgresPort the cluster's PostgreSQL
 * @param esUser an Elasticsearch user that may read the lantian-* indices
 * @param esPassword its password
 */
record Settings(
        List<Integer> amqpPorts, List<Integer> elasticsearchPorts, int postgresPort, String esUser, String esPassword) {

    static Settings fromEnvironment() {
        return new Settings(
                ports(env("CHAOS_AMQP_PORTS", "5681 5682 5683")),
                ports(env("CHAOS_ELASTICSEARCH_PORTS", "9211 9212 9213")),
                Integer.parseInt(env("CHAOS_POSTGRES_PORT", "5442")),
                env("CHAOS_ELASTICSEARCH_USER", ""),
                env("CHAOS_ELASTICSEARCH_PASSWORD", ""));
    }

    static List<Integer> ports(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).map(Integer::valueOf).toList();
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
