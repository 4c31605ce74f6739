package cn.lantian.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The infrastructure's generated credentials, as the launcher writes them on first start into the checkout's
 * git-ignored state folder ({@code .lantian/secrets.env}, {@code KEY=value} lines). Found by walking up from the
 * working directory to the checkout's root, or at {@code LANTIAN_SECRETS} (environment or system property). Without
 * the file (infrastructure started by other means, without security) every credential is absent and tests connect
 * without one.
 */
public final class Secrets {

    /** The state file's name inside the checkout. */
    public static final String FILE = ".lantian/secrets.env";

    private static final Map<String, String> VALUES = load();

    private Secrets() {}

    /** The value of a key of the state file, if the file and the key exist. */
    public static Optional<String> get(String key) {
        return Optional.ofNullable(VALUES.get(key)).filter(v -> !v.isEmpty());
    }

    /** Whether the launcher generated credentials for this checkout. */
    public static boolean present() {
        return !VALUES.isEmpty();
    }

    private static Map<String, String> load() {
        return locate().map(Secrets::read).orElse(Map.of());
    }

    static Optional<Path> locate() {
        String explicit = System.getProperty("LANTIAN_SECRETS", System.getenv("LANTIAN_SECRETS"));
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isRegularFile);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            // The checkout's root holds the launcher; a module's tests run in a folder below it.
            if (Files.isRegularFile(dir.resolve("lantian")) && Files.isDirectory(dir.resolve("infra"))) {
                return Optional.of(dir.resolve(FILE)).filter(Files::isRegularFile);
            }
        }
        return Optional.empty();
    }

    static Map<String, String> read(Path file) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return Map.copyOf(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
