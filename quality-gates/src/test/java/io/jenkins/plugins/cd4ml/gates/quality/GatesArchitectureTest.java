package io.jenkins.plugins.cd4ml.gates.quality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering of the gates engine: metrics are pure functions that know nothing about gates. */
class GatesArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.cd4ml.gates");

    @Test
    void metricsDoNotDependOnGates() {
        noClasses().that().resideInAPackage("..gates.metrics..")
                .should().dependOnClassesThat().resideInAPackage("..gates.quality..")
                .check(CLASSES);
    }

    @Test
    void theEngineDoesNotPrint() {
        noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("results are values; the CLI and the Jenkins step decide what to print")
                .check(CLASSES);
    }
}
