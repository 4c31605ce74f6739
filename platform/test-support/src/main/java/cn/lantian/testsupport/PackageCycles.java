package cn.lantian.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Fails a module's build when two of its feature packages depend on each other, directly or through others. */
public final class PackageCycles {

    private PackageCycles() {}

    /**
     * Checks the production classes under {@code rootPackage} (e.g. {@code cn.lantian.stationary}): each direct
     * sub-package is one feature, and no chain of dependencies may lead from a feature back to itself.
     *
     * @throws AssertionError naming every cycle found
     */
    public static void assertNone(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        // A module of one package has no slices yet; the check then guards the packages it grows later.
        slices().matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }
}
