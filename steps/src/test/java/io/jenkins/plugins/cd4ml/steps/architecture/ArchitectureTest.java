package io.jenkins.plugins.cd4ml.steps.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.steps.checks.ChecksApiPublisher;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Applies {@link ArchitectureRules} to the plugin, and proves each rule catches a violation. */
class ArchitectureTest {
    private static JavaClasses plugin;

    @BeforeAll
    static void importPlugin() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.isJar() || location.contains("cd4ml"))
                .importPackages("io.jenkins.plugins.cd4ml");
    }

    @Test
    void engineModulesAreJenkinsFree() {
        ArchitectureRules.ENGINE_IS_JENKINS_FREE.check(plugin);
    }

    @Test
    void onlyTheFacadeCallsJenkinsGet() {
        ArchitectureRules.ONLY_THE_FACADE_CALLS_JENKINS_GET.check(plugin);
    }

    @Test
    void webMethodsRequirePostAndAPermissionCheck() {
        ArchitectureRules.WEB_METHODS_REQUIRE_POST_AND_A_PERMISSION_CHECK.check(plugin);
    }

    @Test
    void dataBindingIsOnPublicClasses() {
        ArchitectureRules.DATA_BOUND_CONSTRUCTORS_ARE_IN_PUBLIC_CLASSES.check(plugin);
        ArchitectureRules.DATA_BOUND_SETTERS_ARE_IN_PUBLIC_CLASSES.check(plugin);
    }

    @Test
    void optionalPluginsAreUsedOnlyInsideOptionalExtensions() {
        ArchitectureRules.OPTIONAL_PLUGINS_ONLY_IN_OPTIONAL_EXTENSIONS.check(plugin);
    }

    @Test
    void theOptionalPluginRuleCatchesViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(UsesChecksApi.class, NamesTheOptionalExtension.class,
                ChecksApiPublisher.class);
        assertThatThrownBy(() -> ArchitectureRules.OPTIONAL_PLUGINS_ONLY_IN_OPTIONAL_EXTENSIONS.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesChecksApi refers to io.jenkins.plugins.checks.api.ChecksStatus")
                .hasMessageContaining("NamesTheOptionalExtension names the optional extension "
                        + ChecksApiPublisher.class.getName())
                .hasMessageNotContaining(ChecksApiPublisher.class.getName() + " refers to");
    }

    /** A fixture: needs checks-api without being an optional extension. */
    static class UsesChecksApi {
        Object status() {
            return io.jenkins.plugins.checks.api.ChecksStatus.COMPLETED;
        }
    }

    /** A fixture: would load the optional extension (and so checks-api) directly. */
    static class NamesTheOptionalExtension {
        Object publisher() {
            return new ChecksApiPublisher();
        }
    }

    @Test
    void theRulesCatchViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(Violations.class, JenkinsFacade.class);
        assertThatThrownBy(() -> ArchitectureRules.ONLY_THE_FACADE_CALLS_JENKINS_GET.check(bad))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Violations.rootDir");
        assertThatThrownBy(() -> ArchitectureRules.WEB_METHODS_REQUIRE_POST_AND_A_PERMISSION_CHECK.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("doCheckName(java.lang.String) is not annotated with @POST")
                .hasMessageContaining("doCheckPath(java.lang.String) checks no permission")
                .hasMessageNotContaining("doCheckGood");
        assertThatCode(() -> ArchitectureRules.WEB_METHODS_REQUIRE_POST_AND_A_PERMISSION_CHECK
                .check(new ClassFileImporter().importClasses(JenkinsFacade.class)))
                .doesNotThrowAnyException();
    }

    /** Never loaded by Jenkins: a fixture with one violation of each kind. */
    static class Violations {
        private final JenkinsFacade jenkins = new JenkinsFacade();

        Object rootDir() {
            return Jenkins.get().getRootDir();
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckPath(@QueryParameter String value) {
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckGood(@QueryParameter String value) {
            jenkins.checkPermission(null, Item.CONFIGURE);
            return FormValidation.ok();
        }
    }
}
