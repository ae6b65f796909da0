package io.jenkins.plugins.cd4ml.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cloud clients stay inside their target's package, so the engine and the local target need neither. */
class DeploymentArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // rules name packages only: resolving every referenced fabric8/AWS class from the classpath costs ~30 s
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.jenkins.plugins.cd4ml.deploy");
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void onlyTheKServeTargetUsesTheKubernetesClient() {
        noClasses().that().resideOutsideOfPackage("..deploy.kserve..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..")
                .check(classes);
    }

    @Test
    void onlyTheSageMakerTargetUsesTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("..deploy.sagemaker..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .check(classes);
    }

    @Test
    void theEngineDoesNotKnowItsTargets() {
        noClasses().that().resideInAPackage("io.jenkins.plugins.cd4ml.deploy")
                .and().doNotHaveSimpleName("StandardDeploymentTargets")
                .should().dependOnClassesThat().resideInAnyPackage("..deploy.local..", "..deploy.sagemaker..",
                        "..deploy.kserve..")
                .check(classes);
    }
}
