package cn.lantian.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./lantian} as a newcomer would and reads what it started from its pid files. */
final class Launcher {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path RUN = ROOT.resolve(".lantian/run");

    /** What the first {@code up} of this run started, for the later checks that it stays so. */
    static Map<String, Long> firstStart = Map.of();

    private Launcher() {}

    /** Runs the launcher with the arguments and returns its output; fails the test if it fails. */
    static String run(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", ROOT.resolve("lantian").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("lantian-", ".log");
        Process process = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        String output = Files.readString(log);
        assertThat(finished)
                .as("./lantian %s finished in time:%n%s", String.join(" ", args), output)
                .isTrue();
        assertThat(process.exitValue())
                .as("./lantian %s exit code:%n%s", String.join(" ", args), output)
                .isZero();
        return output;
    }

    /** The processes the launcher says it started: name to pid. */
    static Map<String, Long> started() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (Files.isDirectory(RUN)) {
            try (var files = Files.list(RUN)) {
                files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                        .sorted()
                        .forEach(f -> {
                            try {
                                pids.put(
                                        f.getFileName().toString().replace(".pid", ""),
                                        Long.parseLong(Files.readString(f).trim()));
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
            }
        }
        return pids;
    }

    /** The platform's services, from infra/services.txt. */
    static List<String> services() throws IOException {
        return Files.readAllLines(ROOT.resolve("infra/services.txt")).stream()
                .filter(l -> !l.isBlank() && !l.trim().startsWith("#"))
                .map(l -> l.trim().split("\\s+")[0])
                .toList();
    }

    /** How many live processes have this text in their command line. */
    static long processesMatching(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .count();
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
