package cn.lantian.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lints an OpenAPI document with Spectral's {@code spectral:oas} ruleset (npm {@code @stoplight/spectral-cli}, pinned
 * in {@code platform/test-support/openapi-lint/package-lock.json}). Every service, the gateway and the portal run it on
 * the documents they serve, so that a warning fails the build of the module that caused it.
 */
public final class OpenApiLint {

    /** The packages' folder, relative to the repository's root. */
    static final Path PACKAGES = Path.of("platform", "test-support", "openapi-lint");

    private OpenApiLint() {}

    /** What Spectral said: its exit code (0: no error and no warning) and its report. */
    public record Result(int exitCode, String report) {

        /** Whether the document has neither error nor warning. */
        public boolean clean() {
            return exitCode == 0;
        }
    }

    /**
     * Reads the document a service serves at {@code /v3/api-docs} on the given local port (built on first demand, so
     * the read may take a while on a busy machine) and lints it as {@link #lint(String, byte[])} does.
     */
    public static Result lintServed(int port, String name) {
        try {
            var answer = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                    .timeout(java.time.Duration.ofMinutes(1))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                return new Result(-1, "/v3/api-docs answered " + answer.statusCode());
            }
            return lint(name, answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the document to {@code target/<name>.json} (kept as test output) and lints it, failing on any warning.
     * Installs the pinned packages first when they are missing or older than the lock file ({@code npm ci}, from npm's
     * cache where it can); test JVMs of several modules take turns through a file lock.
     */
    public static Result lint(String name, byte[] document) {
        try {
            Path packages = packages();
            install(packages);
            Path file = Path.of("target", name + ".json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.write(file, document);
            Process spectral = new ProcessBuilder(
                            "node",
                            "node_modules/@stoplight/spectral-cli/dist/index.js",
                            "lint",
                            "--ruleset",
                            "spectral.yaml",
                            "--fail-severity",
                            "warn",
                            "--format",
                            "text",
                            file.toString())
                    .directory(packages.toFile())
                    .redirectErrorStream(true)
                    .start();
            String report = new String(spectral.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!spectral.waitFor(3, TimeUnit.MINUTES)) {
                spectral.destroyForcibly();
                return new Result(-1, "Spectral did not finish in 3 minutes\n" + report);
            }
            return new Result(spectral.exitValue(), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The packages' folder, found from the module's folder up to the repository's root. */
    static Path packages() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PACKAGES);
            if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no " + PACKAGES + " above " + Path.of("").toAbsolutePath());
    }

    private static void install(Path packages) throws IOException, InterruptedException {
        String lock = sha256(Files.readAllBytes(packages.resolve("package-lock.json")));
        Path marker = packages.resolve("node_modules").resolve(".lantian-lock.sha256");
        try (FileChannel channel = FileChannel.open(
                        packages.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(lock)) {
                return;
            }
            Process npm = new ProcessBuilder(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"))
                    .directory(packages.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + packages + ":\n" + output);
            }
            Files.writeString(marker, lock);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
