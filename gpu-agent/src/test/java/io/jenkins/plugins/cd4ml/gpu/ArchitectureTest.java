package io.jenkins.plugins.cd4ml.gpu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.jenkins.plugins.cd4ml.gpu.discovery.SafeXml;
import org.junit.jupiter.api.Test;

/** Domain rules of gpu-agent, as tests. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.jenkins.plugins.cd4ml.gpu");

    @Test
    void isJenkinsFree() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..")
                .because("gpu-agent runs on agents and in the CLI without Jenkins")
                .check(CLASSES);
    }

    @Test
    void onlyTheSafeXmlParserCreatesXmlParsers() {
        noClasses().that().doNotBelongToAnyOf(SafeXml.class).should().dependOnClassesThat()
                .resideInAnyPackage("javax.xml.parsers..", "javax.xml.stream..", "org.xml.sax.helpers..")
                .because("XML is parsed without external entities, in one place")
                .check(CLASSES);
    }
}
