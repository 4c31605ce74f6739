package cn.lantian.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A published schema never changes: a change is a new version. The fingerprints of published schemas are recorded in
 * {@code published-schemas.sha256}; adding a type means adding its line, changing one fails here.
 */
class SchemaVersioningTests {

    @Test
    void publishedSchemasAreUnchanged() throws IOException {
        Map<String, String> recorded = Files.readAllLines(Path.of("published-schemas.sha256")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\\s+"))
                .collect(Collectors.toMap(p -> p[1], p -> p[0], (a, b) -> a, TreeMap::new));
        Map<String, String> actual = new TreeMap<>();
        for (EventType type : EventContract.load().types()) {
            actual.put(
                    type.schema(), sha256(Path.of("src/main/resources/contract").resolve(type.schema())));
        }
        assertThat(actual.keySet()).as("every schema is recorded, none removed").isEqualTo(recorded.keySet());
        actual.forEach((schema, hash) -> assertThat(hash)
                .as("%s changed: publish the change as a new version instead", schema)
                .isEqualTo(recorded.get(schema)));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
