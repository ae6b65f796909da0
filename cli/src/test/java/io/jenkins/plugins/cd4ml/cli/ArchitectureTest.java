package io.jenkins.plugins.cd4ml.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine and the CLI never depend on Jenkins: only the steps module may. */
class ArchitectureTest {
    @Test
    void engineAndCliAreJenkinsFree() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.cd4ml");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..")
                .because("plugin-core, quality-gates, gpu-agent and cli run outside Jenkins")
                .check(classes);
    }
}
