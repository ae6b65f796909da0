package io.jenkins.plugins.cd4ml.gates.drift;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layers of drift: metrics know nothing of profiles; profiles know nothing of baseline loading. */
class DriftArchitectureTest {
    // importing the module's own class folder is much faster than scanning the class path
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(java.util.Set.of(com.tngtech.archunit.core.importer.Location.of(
                    DriftMetric.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void metricsDoNotDependOnProfilesOrBaselines() {
        noClasses().that().resideInAPackage("..gates.drift..").should().dependOnClassesThat()
                .resideInAnyPackage("..gates.profile..", "..gates.baseline..").check(classes);
    }

    @Test
    void profilesDoNotDependOnBaselineLoading() {
        noClasses().that().resideInAPackage("..gates.profile..").should().dependOnClassesThat()
                .resideInAnyPackage("..gates.baseline..").check(classes);
    }
}
