package cn.lantian.airquality.sta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * OGC's executable test suite for SensorThings ({@code org.opengis.cite:ets-sta10}, copied by the build) run as a
 * program against a service root. Its exit code does not tell failures, and a failed set-up shows as skipped, so the
 * outcome is read from its {@code testng-results.xml}: the test methods of one conformance level.
 */
final class OgcTestSuite {

    /** The level's test methods by status, with each failure's name and message. */
    record Outcome(int passed, int failed, int skipped, List<String> problems) {}

    private OgcTestSuite() {}

    /** Runs the suite for conformance classes up to {@code level} and reads the results of that level. */
    static Outcome run(String iut, int level, Path workDir) throws Exception {
        Path jar = Path.of(System.getProperty("lantian.ets-sta10.jar", "target/ets/ets-sta10-aio.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("OGC's test suite is not at " + jar + " (the build copies it)");
        }
        Files.createDirectories(workDir);
        Path props = workDir.resolve("props.xml");
        // The sample's DOCTYPE line is left out: it would make the suite fetch a DTD from the internet.
        Files.writeString(props, """
                <?xml version="1.0" encoding="UTF-8"?>
                <properties version="1.0">
                  <comment>Lantian SensorThings conformance run</comment>
                  <entry key="iut">%s</entry>
                  <entry key="ics">%d</entry>
                </properties>
                """.formatted(iut, level));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // user.home is where the suite writes its results: a folder of this run only.
        Process process = new ProcessBuilder(
                        java, "-Xmx256m", "-Duser.home=" + workDir, "-jar", jar.toString(), props.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("suite.log").toFile())
                .start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("OGC's test suite did not finish in 20 minutes");
        }
        return read(results(workDir), "Conformance Level " + level);
    }

    private static Path results(Path workDir) throws IOException {
        try (Stream<Path> files = Files.walk(workDir)) {
            return files.filter(f -> f.getFileName().toString().equals("testng-results.xml"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException(
                            "OGC's test suite wrote no testng-results.xml (see " + workDir.resolve("suite.log") + ")"));
        }
    }

    static Outcome read(Path results, String testName) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(results.toFile());
        NodeList tests = doc.getElementsByTagName("test");
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        boolean found = false;
        for (int i = 0; i < tests.getLength(); i++) {
            Element test = (Element) tests.item(i);
            if (!testName.equals(test.getAttribute("name"))) {
                continue;
            }
            found = true;
            NodeList methods = test.getElementsByTagName("test-method");
            for (int j = 0; j < methods.getLength(); j++) {
                Element m = (Element) methods.item(j);
                String status = m.getAttribute("status");
                if ("true".equals(m.getAttribute("is-config")) && "PASS".equals(status)) {
                    continue;
                }
                switch (status) {
                    case "PASS" -> passed++;
                    case "SKIP" -> skipped++;
                    default -> failed++;
                }
                if (!"PASS".equals(status)) {
                    NodeList messages = m.getElementsByTagName("message");
                    String message = messages.getLength() > 0
                            ? messages.item(0).getTextContent().strip()
                            : "";
                    problems.add(status + " " + m.getAttribute("name") + ": " + message);
                }
            }
        }
        if (!found) {
            throw new IllegalStateException("no test '" + testName + "' in " + results);
        }
        return new Outcome(passed, failed, skipped, problems);
    }
}
