package cn.lantian.testsupport;

/** The fixed addresses of the real infrastructure that {@code ./lantian infra up} starts; integration tests use them. */
public final class Infrastructure {

    /** Elasticsearch's HTTP endpoint. */
    public static final String ELASTICSEARCH = "http://127.0.0.1:9200";
    /** Keycloak's base address. */
    public static final String KEYCLOAK = "http://127.0.0.1:8180";
    /** The realm every token comes from. */
    public static final String REALM = "kashgar";
    /** The issuer that services require. */
    public static final String ISSUER = KEYCLOAK + "/realms/" + REALM;
    /** RabbitMQ's host and AMQP port. */
    public static final String RABBITMQ_HOST = "127.0.0.1";
    public static final int RABBITMQ_PORT = 5672;
    /**
     * The virtual host every test uses: the launcher declares the platform's exchanges there too, so tests exercise the
     * same topology without ever publishing into the exchanges (and so the queues) of a platform running beside them.
     */
    public static final String RABBITMQ_TEST_VHOST = "lantian-test";
    /** PostgreSQL's JDBC base; append the database name. */
    public static final String POSTGRES_JDBC = "jdbc:postgresql://127.0.0.1:5432/";
    /** PostgreSQL's R2DBC base; append the database name. */
    public static final String POSTGRES_R2DBC = "r2dbc:postgresql://127.0.0.1:5432/";
    public static final String POSTGRES_USER = "lantian";
    public static final String POSTGRES_PASSWORD = "lantian";
    /** Redis's host and port. */
    public static final String REDIS_HOST = "127.0.0.1";
    public static final int REDIS_PORT = 6379;
    /** The gateway, the platform's single entry point. */
    public static final String GATEWAY = "http://127.0.0.1:8080";

    private Infrastructure() {
    }
}
