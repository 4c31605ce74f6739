package cn.lantian.greening.idleland;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.lantian.testsupport.Infrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The dust service's own jar (as the launcher runs it), started beside this test on a free port against the test
 * database, the test virtual host and a consumer group of its own, so that the idle-land round trip goes through real
 * RabbitMQ between the two real services.
 */
final class DustService implements AutoCloseable {

    /** Where the build copied dust's jar (see this module's pom). */
    static final String JAR_PROPERTY = "lantian.round-trip.dust-jar";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final Path log;
    final int port;

    private DustService(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts dust with its completed-task queue in the given group and waits until it is healthy. */
    static DustService start(String group) throws IOException {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/round-trip/dust.jar"));
        assertThat(jar).as("dust's jar (built with -am, copied by the pom)").exists();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.rabbitmq.virtual-host=" + Infrastructure.RABBITMQ_TEST_VHOST,
                "--spring.r2dbc.url=" + Infrastructure.POSTGRES_R2DBC + "lantian_dust_test",
                "--spring.flyway.url=" + Infrastructure.POSTGRES_JDBC + "lantian_dust_test",
                "--lantian.eventing.relay.poll-interval=20ms",
                // nothing scheduled may run during the test
                "--lantian.dust.station-poll-cron=0 0 3 29 2 *",
                "--lantian.dust.silent-check-cron=0 0 3 29 2 *",
                "--lantian.dust.idle-land-cron=0 0 3 29 2 *"));
        for (String binding : List.of("readings-in-0", "greening-in-0", "alerts-in-0", "stationHours-in-0")) {
            command.add("--spring.cloud.stream.bindings." + binding + ".group=" + group + "-" + binding);
            command.add("--spring.cloud.stream.rabbit.bindings." + binding + ".consumer.expires=600000");
            command.add("--spring.cloud.stream.rabbit.bindings." + binding + ".consumer.dlq-expires=600000");
        }
        Path log = Files.createTempFile("dust-round-trip-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        DustService dust = new DustService(process, log, port);
        try {
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .failFast("dust stopped during start-up", () -> !process.isAlive())
                    .until(dust::healthy);
        } catch (RuntimeException | Error e) {
            String output = Files.readString(log);
            dust.close();
            throw new AssertionError(
                    "dust did not start:\n" + output.substring(Math.max(0, output.length() - 4000)), e);
        }
        return dust;
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The end of dust's log, for a failure message. */
    String logTail() {
        try {
            String output = Files.readString(log);
            return output.substring(Math.max(0, output.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file; the system cleans it
        }
    }
}
