package cn.lantian.testsupport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fails a module's build when two of its feature packages depend on each other, directly or through others. */
public final class PackageCycles {

    private PackageCycles() {}

    /**
     * Checks the production classes under {@code rootPackage} (e.g. {@code cn.lantian.stationary}): each direct
     * sub-package is one feature, and no chain of dependencies may lead from a feature back to itself.
     *
     * @throws AssertionError naming every cycle found, with one dependency for each of its steps
     */
    public static void assertNone(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        // feature -> (feature it uses -> one dependency that shows it)
        Map<String, Map<String, String>> uses = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = feature(rootPackage, c.getPackageName());
            if (from == null) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = feature(rootPackage, d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from)) {
                    uses.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, d.getDescription());
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            List<String> path = pathBack(start, uses);
            if (!path.isEmpty()) {
                StringBuilder cycle = new StringBuilder("Cycle detected: " + String.join(" -> ", path));
                for (int i = 0; i + 1 < path.size(); i++) {
                    cycle.append("\n    ").append(uses.get(path.get(i)).get(path.get(i + 1)));
                }
                cycles.add(cycle.toString());
            }
        }
        if (!cycles.isEmpty()) {
            throw new AssertionError(
                    "feature packages of " + rootPackage + " form cycles:\n" + String.join("\n", cycles));
        }
    }

    /** The shortest chain from a feature back to itself, {@code [start, ..., start]}, or empty when there is none. */
    private static List<String> pathBack(String start, Map<String, Map<String, String>> uses) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : uses.getOrDefault(at, Map.of()).keySet()) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String p = at; !p.equals(start); p = parent.get(p)) {
                        path.add(0, p);
                    }
                    path.add(0, start);
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(next) && !next.equals(start)) {
                    parent.put(next, at);
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    private static String feature(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
