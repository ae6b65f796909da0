package io.jenkins.plugins.cd4ml.steps.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.POST;

/**
 * The project's architecture rules, in one place. {@code ArchitectureTest} applies them to every
 * class of the plugin (engine modules and steps); the CLI module keeps its own Jenkins-free check.
 */
final class ArchitectureRules {
    static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..",
    };

    static final String STEPS_PACKAGE = "io.jenkins.plugins.cd4ml.steps..";

    /** plugin-core, quality-gates, gpu-agent (and anything else outside {@code steps}) run without Jenkins. */
    static final ArchRule ENGINE_IS_JENKINS_FREE = noClasses()
            .that().resideInAPackage("io.jenkins.plugins.cd4ml..")
            .and().resideOutsideOfPackage(STEPS_PACKAGE)
            .should().dependOnClassesThat().resideInAnyPackage(JENKINS_PACKAGES)
            .because("the engine also runs in the CLI and on agents; only the steps module is Jenkins glue");

    /** The Jenkins singleton is reached only through {@link JenkinsFacade}, so glue stays testable. */
    static final ArchRule ONLY_THE_FACADE_CALLS_JENKINS_GET = noClasses()
            .that().doNotBelongToAnyOf(JenkinsFacade.class)
            .should().callMethodWhere(target(owner(JavaClass.Predicates.equivalentTo(Jenkins.class)))
                    .and(target(nameMatching("get|getInstance|getInstanceOrNull|getActiveInstance"))))
            .because("JenkinsFacade is the one place that touches Jenkins.get()");

    /**
     * Stapler web methods ({@code do*}) change or reveal state: they must only answer POST (CSRF
     * protection) and check a permission, as in the Jenkins security advisories.
     */
    static final ArchRule WEB_METHODS_REQUIRE_POST_AND_A_PERMISSION_CHECK = methods()
            .that().areDeclaredInClassesThat().resideInAPackage("io.jenkins.plugins.cd4ml..")
            .and().arePublic()
            .and().haveNameMatching("do[A-Z].*")
            .should(beAnnotatedWithPostOrRequirePost())
            .andShould(checkAPermission())
            .allowEmptyShould(true);

    /** Stapler binds step arguments only through public classes. */
    static final ArchRule DATA_BOUND_CONSTRUCTORS_ARE_IN_PUBLIC_CLASSES = constructors()
            .that().areAnnotatedWith(DataBoundConstructor.class)
            .should().bePublic()
            .andShould().beDeclaredInClassesThat().arePublic()
            .allowEmptyShould(true);

    static final ArchRule DATA_BOUND_SETTERS_ARE_IN_PUBLIC_CLASSES = methods()
            .that().areAnnotatedWith(DataBoundSetter.class)
            .should().bePublic()
            .andShould().beDeclaredInClassesThat().arePublic()
            .allowEmptyShould(true);

    /** Packages of the plugins the .hpi declares {@code ;resolution:=optional}. */
    static final String[] OPTIONAL_PLUGIN_PACKAGES = {"io.jenkins.plugins.checks.."};

    /**
     * An optional plugin's classes are missing when it is not installed, and Jenkins then fails
     * quietly (see the packaging note): only {@code @Extension(optional = true)} classes may refer
     * to them, and no other class may name such an extension (it is reached through
     * {@code ExtensionList} only), so nothing loads them without the plugin.
     */
    static final ArchRule OPTIONAL_PLUGINS_ONLY_IN_OPTIONAL_EXTENSIONS = classes()
            .that().resideInAPackage("io.jenkins.plugins.cd4ml..")
            .should(useOptionalPluginsOnlyInsideOptionalExtensions())
            .allowEmptyShould(true);

    private ArchitectureRules() {
    }

    private static ArchCondition<JavaClass> useOptionalPluginsOnlyInsideOptionalExtensions() {
        return new ArchCondition<>("refer to optional plugins only inside @Extension(optional = true) classes") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                JavaClass home = outermost(type);
                boolean optional = isOptionalExtension(home);
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean optionalPlugin = java.util.Arrays.stream(OPTIONAL_PLUGIN_PACKAGES)
                            .anyMatch(p -> target.getPackageName().startsWith(p.replace("..", "")));
                    if (optionalPlugin && !optional) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " refers to "
                                + target.getName() + " of an optional plugin but is not an @Extension(optional = true)"));
                    }
                    JavaClass targetHome = outermost(target);
                    if (!optionalPlugin && !targetHome.equals(home) && isOptionalExtension(targetHome)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " names the optional extension "
                                + targetHome.getName() + ": reach it through ExtensionList only"));
                    }
                }
            }
        };
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static boolean isOptionalExtension(JavaClass type) {
        return type.isAnnotatedWith(Extension.class) && type.getAnnotationOfType(Extension.class).optional();
    }

    private static ArchCondition<JavaMethod> beAnnotatedWithPostOrRequirePost() {
        return new ArchCondition<>("be annotated with @POST or @RequirePOST") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean post = method.isAnnotatedWith(POST.class) || method.isAnnotatedWith(RequirePOST.class);
                events.add(new SimpleConditionEvent(method, post,
                        method.getFullName() + (post ? " answers POST only" : " is not annotated with @POST")));
            }
        };
    }

    private static ArchCondition<JavaMethod> checkAPermission() {
        return new ArchCondition<>("check a permission (JenkinsFacade or AccessControlled)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                // by name: with dependency resolution off, an Item's or a Run's supertypes are unknown
                boolean checks = method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTarget().getName()
                                .matches("checkPermission|checkAnyPermission|hasPermission|hasAnyPermission"));
                events.add(new SimpleConditionEvent(method, checks,
                        method.getFullName() + (checks ? " checks a permission" : " checks no permission")));
            }
        };
    }
}
