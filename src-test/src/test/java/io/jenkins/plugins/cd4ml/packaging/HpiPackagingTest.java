package io.jenkins.plugins.cd4ml.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.Extension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Checks the built {@code steps/target/cd4ml.hpi} against what Jenkins 2.516 needs, and proves each
 * check by breaking a copy of the archive on purpose: every mistake that lets the plugin look
 * active while its steps do not exist must be reported.
 */
class HpiPackagingTest {
    private static final Path HPI = Path.of("..", "steps", "target", "cd4ml.hpi");
    private static final String INFO_DESCRIPTOR = "io/jenkins/plugins/cd4ml/steps/Cd4mlInfoStep$DescriptorImpl.class";
    private static final String INFO_STEP = "io/jenkins/plugins/cd4ml/steps/Cd4mlInfoStep.class";

    static final List<String> MANIFEST_ENTRIES = HpiInspector.REQUIRED_MANIFEST_ENTRIES;

    private static Hpi hpi;

    @BeforeAll
    static void readHpi() throws IOException {
        assertThat(HPI).as("steps/target/cd4ml.hpi: build it first (./mvnw -B verify from the root)").isRegularFile();
        hpi = Hpi.read(HPI);
    }

    @Test
    void theBuiltHpiHasNoPackagingProblem() {
        assertThat(HpiInspector.inspect(hpi)).isEmpty();
    }

    @Test
    void onlyOneHolderClassNamesTheOptionalAwsCredentialsPlugin() throws IOException {
        // Jenkins loads cd4ml without aws-credentials; only the optional extension may name its types
        List<String> users = new java.util.ArrayList<>();
        for (Map.Entry<String, byte[]> entry : hpi.jar(Hpi.PLUGIN_JAR).entrySet()) {
            if (entry.getKey().endsWith(".class") && ClassFile.parse(entry.getValue()).referencedTypes().stream()
                    .anyMatch(type -> type.startsWith("com/cloudbees/jenkins/plugins/awscredentials/"))) {
                users.add(entry.getKey());
            }
        }
        assertThat(users).containsExactly("io/jenkins/plugins/cd4ml/steps/deploy/AwsPluginCredentials.class");
    }

    @Test
    void declaresTheMeasuredMinimumVersionsOfItsDependencies() {
        assertThat(hpi.attribute("Short-Name")).isEqualTo("cd4ml");
        assertThat(hpi.attribute("Jenkins-Version")).isEqualTo("2.516.2");
        assertThat(HpiInspector.dependencies(hpi)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "workflow-step-api", "workflow-step-api:706.v518c5dcb_24c0",
                "workflow-api", "workflow-api:1384.vdc05a_48f535f",
                "structs", "structs:353.v261ea_40a_80fb_",
                "jackson2-api", "jackson2-api:2.20.0-411.v6ef8fdee4fe9",
                "credentials", "credentials:1447.v4cb_b_539b_5321",
                "plain-credentials", "plain-credentials:199.v9f8e1f741799",
                "aws-credentials", "aws-credentials:243.v41c19a_fb_5dcf;resolution:=optional",
                "checks-api", "checks-api:373.vfe7645102093;resolution:=optional"));
        assertThat(hpi.attribute("Plugin-Version")).isEqualTo(hpi.attribute("Implementation-Version"));
    }

    @Test
    void indexesTheStepsDescriptorAndShipsItsViewsAndHelp() throws Exception {
        Map<String, byte[]> jar = hpi.jar(Hpi.PLUGIN_JAR);

        assertThat(HpiInspector.readSezPozIndex(jar.get(HpiInspector.EXTENSION_INDEX)))
                .contains("io.jenkins.plugins.cd4ml.steps.Cd4mlInfoStep$DescriptorImpl");
        assertThat(new String(jar.get(HpiInspector.SYMBOL_INDEX), StandardCharsets.UTF_8).lines())
                .contains("io.jenkins.plugins.cd4ml.steps.Cd4mlInfoStep$DescriptorImpl");
        assertThat(jar).containsKeys(
                "index.jelly",
                "io/jenkins/plugins/cd4ml/steps/Cd4mlInfoStep/config.jelly",
                "io/jenkins/plugins/cd4ml/steps/Cd4mlInfoStep/help.html");
    }

    /** Libraries Jenkins core or a declared plugin (jackson2-api, snakeyaml-api) already provides. */
    private static final java.util.regex.Pattern PROVIDED_ELSEWHERE = java.util.regex.Pattern.compile(
            "WEB-INF/lib/(jackson-(core|databind|annotations|dataformat-[a-z]+|datatype-[a-z0-9]+|module-[a-z-]+)"
                    + "|snakeyaml|guava|slf4j-[a-z0-9]+|sezpoz|cd4ml-jenkins-api|spotbugs-annotations"
                    + "|jakarta\\.servlet-api)-[0-9].*\\.jar");

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ValidateDataStep", "DetectDriftStep"})
    void indexesTheDataStepsAndShipsTheirFormsAndHelp(String step) throws Exception {
        Map<String, byte[]> jar = hpi.jar(Hpi.PLUGIN_JAR);
        String descriptor = "io.jenkins.plugins.cd4ml.steps.data." + step + "$DescriptorImpl";
        String folder = "io/jenkins/plugins/cd4ml/steps/data/" + step + "/";

        assertThat(HpiInspector.readSezPozIndex(jar.get(HpiInspector.EXTENSION_INDEX))).contains(descriptor);
        assertThat(new String(jar.get(HpiInspector.SYMBOL_INDEX), StandardCharsets.UTF_8).lines()).contains(descriptor);
        assertThat(jar).containsKeys(folder + "config.jelly", folder + "help.html", folder + "help-baseline.html",
                folder + "help-junit.html", folder + "help-html.html");
        assertThat(hpi.files().keySet()).as("the engine the steps call")
                .anyMatch(p -> p.startsWith("WEB-INF/lib/cd4ml-quality-gates-"));
    }

    @Test
    void servesTheReportPagesStaticFilesFromTheArchiveRoot() {
        // Jenkins serves ${resURL}/plugin/cd4ml/<path> from <path> at the root of the .hpi, next to WEB-INF
        assertThat(hpi.files()).containsKeys("js/cd4ml-tables.js", "css/cd4ml.css", "images/cd4ml.svg");
        assertThat(new String(hpi.files().get("js/cd4ml-tables.js"), StandardCharsets.UTF_8))
                .contains("data-cd4ml-filter");
        assertThat(hpi.jar(Hpi.PLUGIN_JAR)).doesNotContainKey("js/cd4ml-tables.js");
    }

    @Test
    void indexesTheUiAndConfigurationExtensionsAndShipsTheirViews() throws Exception {
        Map<String, byte[]> jar = hpi.jar(Hpi.PLUGIN_JAR);

        assertThat(HpiInspector.readSezPozIndex(jar.get(HpiInspector.EXTENSION_INDEX))).contains(
                "io.jenkins.plugins.cd4ml.steps.ui.MlTrendsActionFactory",
                "io.jenkins.plugins.cd4ml.steps.config.Cd4mlGlobalConfiguration",
                "io.jenkins.plugins.cd4ml.steps.config.SageMakerRegistry$DescriptorImpl",
                "io.jenkins.plugins.cd4ml.steps.config.DeploymentEnvironment$DescriptorImpl");
        assertThat(new String(jar.get(HpiInspector.SYMBOL_INDEX), StandardCharsets.UTF_8).lines()).contains(
                "io.jenkins.plugins.cd4ml.steps.config.Cd4mlGlobalConfiguration",
                "io.jenkins.plugins.cd4ml.steps.config.MlflowRegistry$DescriptorImpl");
        assertThat(jar).containsKeys(
                "io/jenkins/plugins/cd4ml/steps/support/MlReportsAction/index.jelly",
                "io/jenkins/plugins/cd4ml/steps/support/MlReportsAction/summary.jelly",
                "io/jenkins/plugins/cd4ml/steps/ui/MlTrendsAction/index.jelly",
                "io/jenkins/plugins/cd4ml/steps/config/Cd4mlGlobalConfiguration/config.jelly",
                "io/jenkins/plugins/cd4ml/steps/config/Cd4mlGlobalConfiguration/help-bootstrapResamples.html");
    }

    @Test
    void bundlesTheEngineButNothingJenkinsOrAPluginProvides() {
        List<String> libraries = hpi.files().keySet().stream().filter(p -> p.startsWith("WEB-INF/lib/")).toList();

        assertThat(libraries).contains(Hpi.PLUGIN_JAR)
                .anyMatch(p -> p.startsWith("WEB-INF/lib/cd4ml-plugin-core-"))
                .anyMatch(p -> p.startsWith("WEB-INF/lib/cd4ml-gpu-agent-"))
                // exact artifact names: the AWS SDK's relocated third-party-jackson-core and fabric8's
                // snakeyaml-engine are private copies no plugin provides, so they must stay bundled
                .noneMatch(p -> PROVIDED_ELSEWHERE.matcher(p).matches());
    }

    private static final String CHECKS_PUBLISHER = "io.jenkins.plugins.cd4ml.steps.checks.ChecksApiPublisher";

    @Test
    void reachesTheChecksApiOnlyThroughAnOptionalExtension() throws Exception {
        Map<String, byte[]> jar = hpi.jar(Hpi.PLUGIN_JAR);

        assertThat(HpiInspector.optionalExtensions(jar.get(HpiInspector.EXTENSION_INDEX)))
                .containsExactlyInAnyOrder(CHECKS_PUBLISHER.replace('.', '/'),
                        "io/jenkins/plugins/cd4ml/steps/deploy/AwsPluginCredentials");
        List<String> usingChecksApi = jar.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".class"))
                .filter(e -> parse(e.getValue()).referencedTypes().stream()
                        .anyMatch(t -> t.startsWith("io/jenkins/plugins/checks/")))
                .map(Map.Entry::getKey).toList();
        assertThat(usingChecksApi).isNotEmpty()
                .allMatch(name -> name.startsWith(CHECKS_PUBLISHER.replace('.', '/')), "the publisher or its nested classes");
        assertThat(hpi.files().keySet()).as("the Checks API comes from its plugin, never bundled")
                .noneMatch(p -> p.contains("checks-api"));
    }

    @Test
    void reportsAChecksApiExtensionThatIsNotOptional() throws Exception {
        byte[] index = hpi.jar(Hpi.PLUGIN_JAR).get(HpiInspector.EXTENSION_INDEX);
        List<net.java.sezpoz.impl.SerAnnotatedElement> elements = HpiInspector.readSezPozElements(index);
        elements.forEach(e -> e.values.remove("optional"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            for (Object element : elements) {
                out.writeObject(element);
            }
            out.writeObject(null);
        }

        Hpi broken = hpi.withJarEntry(Hpi.PLUGIN_JAR, HpiInspector.EXTENSION_INDEX, bytes.toByteArray());

        assertThat(HpiInspector.inspect(broken)).hasSize(2)
                .anyMatch(p -> p.startsWith(CHECKS_PUBLISHER) && p.contains("optional plugin checks-api"))
                .anyMatch(p -> p.contains("AwsPluginCredentials") && p.contains("optional plugin aws-credentials"))
                .allMatch(p -> p.contains("is not an @Extension(optional = true)"));
    }

    @Test
    void reportsAClassThatNeedsTheOptionalChecksApiOutsideAnOptionalExtension(@TempDir Path tmp) throws Exception {
        String source = "package fixture;\n"
                + "public class Publisher {\n"
                + "    public Object status() { return io.jenkins.plugins.checks.api.ChecksStatus.COMPLETED; }\n"
                + "}\n";

        Hpi broken = hpi.withJarEntry(Hpi.PLUGIN_JAR, "fixture/Publisher.class",
                compile(tmp, "Publisher", source, true));

        assertThat(HpiInspector.inspect(broken)).singleElement().asString()
                .contains("fixture.Publisher refers to io.jenkins.plugins.checks.api.ChecksStatus")
                .contains("NoClassDefFoundError");
    }

    @Test
    void reportsAClassThatNamesTheOptionalExtension(@TempDir Path tmp) throws Exception {
        String source = "package fixture;\n"
                + "public class Shortcut {\n"
                + "    public Object publisher() { return new " + CHECKS_PUBLISHER + "(); }\n"
                + "}\n";

        Hpi broken = hpi.withJarEntry(Hpi.PLUGIN_JAR, "fixture/Shortcut.class", compile(tmp, "Shortcut", source, true));

        assertThat(HpiInspector.inspect(broken)).singleElement().asString()
                .contains("fixture.Shortcut names the optional extension " + CHECKS_PUBLISHER);
    }

    @Test
    void reportsAMissingOptionalChecksApiDependency() {
        String without = Arrays.stream(hpi.attribute("Plugin-Dependencies").split(","))
                .filter(d -> !d.startsWith("checks-api:"))
                .collect(Collectors.joining(","));

        assertThat(HpiInspector.inspect(hpi.withManifestAttribute("Plugin-Dependencies", without)))
                .singleElement().asString().contains("lacks checks-api");
    }

    private static ClassFile parse(byte[] bytes) {
        try {
            return ClassFile.parse(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @FieldSource("MANIFEST_ENTRIES")
    void reportsAMissingManifestEntry(String entry) {
        assertThat(HpiInspector.inspect(hpi.withManifestAttribute(entry, null)))
                .anyMatch(p -> p.contains("manifest entry " + entry + " is missing"));
    }

    @Test
    void reportsAMissingExtensionIndex() {
        Hpi broken = hpi.withJarEntry(Hpi.PLUGIN_JAR, HpiInspector.EXTENSION_INDEX, null);

        assertThat(HpiInspector.inspect(broken)).singleElement().asString().contains("has no " + HpiInspector.EXTENSION_INDEX);
    }

    @Test
    void reportsAnEmptyExtensionIndex() {
        Hpi broken = hpi.withJarEntry(Hpi.PLUGIN_JAR, HpiInspector.EXTENSION_INDEX, new byte[0]);

        assertThat(HpiInspector.inspect(broken)).singleElement().asString().contains("is empty");
    }

    @Test
    void reportsAnIndexEntryWhoseClassIsAbsent() {
        Hpi broken = hpi.withJarEntry(Hpi.PLUGIN_JAR, INFO_DESCRIPTOR, null);

        assertThat(HpiInspector.inspect(broken))
                .anyMatch(p -> p.contains("names io.jenkins.plugins.cd4ml.steps.Cd4mlInfoStep$DescriptorImpl"));
    }

    @Test
    void reportsASymbolMissingFromTheSymbolIndex() {
        Hpi broken = hpi.withJarEntry(Hpi.PLUGIN_JAR, HpiInspector.SYMBOL_INDEX, null);

        // one problem per class with a @Symbol (the step, the global configuration, its describables)
        assertThat(HpiInspector.inspect(broken))
                .allMatch(p -> p.contains("has @Symbol") && p.contains(HpiInspector.SYMBOL_INDEX))
                .anyMatch(p -> p.contains("Cd4mlInfoStep$DescriptorImpl has @Symbol"))
                .anyMatch(p -> p.contains("Cd4mlGlobalConfiguration has @Symbol"));
    }

    @Test
    void reportsAStubClassInsideTheHpi() throws IOException {
        Hpi broken = hpi.withFile("WEB-INF/lib/cd4ml-jenkins-api-0.1.0-SNAPSHOT.jar",
                jarOf(Extension.class));

        assertThat(HpiInspector.inspect(broken))
                .anyMatch(p -> p.contains("cd4ml-jenkins-api") && p.contains("bundles hudson/Extension.class"));
    }

    @Test
    void reportsABundledJackson() throws IOException {
        Hpi broken = hpi.withFile("WEB-INF/lib/jackson-databind-2.20.0.jar", jarOf(ObjectMapper.class));

        assertThat(HpiInspector.inspect(broken)).singleElement().asString()
                .contains("bundles com/fasterxml/jackson/databind/ObjectMapper.class");
    }

    @Test
    void reportsClassesCompiledAboveJava17() {
        byte[] java21 = hpi.jar(Hpi.PLUGIN_JAR).get(INFO_STEP).clone();
        java21[6] = 0;
        java21[7] = 65;

        assertThat(HpiInspector.inspect(hpi.withJarEntry(Hpi.PLUGIN_JAR, INFO_STEP, java21)))
                .singleElement().asString().contains("compiled for Java 21");
    }

    @Test
    void reportsAPluginDependencyTheClassesNeedButTheManifestLacks() {
        String withoutStepApi = Arrays.stream(hpi.attribute("Plugin-Dependencies").split(","))
                .filter(d -> !d.startsWith("workflow-step-api:"))
                .collect(Collectors.joining(","));

        assertThat(HpiInspector.inspect(hpi.withManifestAttribute("Plugin-Dependencies", withoutStepApi)))
                .singleElement().asString()
                .contains("org.jenkinsci.plugins.workflow.steps.").contains("lacks workflow-step-api");
    }

    @Test
    void reportsAMalformedPluginDependency() {
        assertThat(HpiInspector.inspect(hpi.withManifestAttribute("Plugin-Dependencies",
                hpi.attribute("Plugin-Dependencies") + ",workflow-cps")))
                .anyMatch(p -> p.contains("'workflow-cps' is not 'id:version"));
    }

    @Test
    void reportsADataBoundConstructorWithoutParameterNames(@TempDir Path tmp) throws Exception {
        String source = "package fixture;\n"
                + "public class DeployStep {\n"
                + "    @org.kohsuke.stapler.DataBoundConstructor\n"
                + "    public DeployStep(String model, int replicas) { }\n"
                + "}\n";

        Hpi withoutNames = hpi.withJarEntry(Hpi.PLUGIN_JAR, "fixture/DeployStep.class", compile(tmp, "DeployStep", source, false));
        Hpi withNames = hpi.withJarEntry(Hpi.PLUGIN_JAR, "fixture/DeployStep.class", compile(tmp, "DeployStep", source, true));

        assertThat(HpiInspector.inspect(withoutNames)).singleElement().asString()
                .contains("fixture.DeployStep: @DataBoundConstructor(Ljava/lang/String;I)V has no recorded parameter names");
        assertThat(HpiInspector.inspect(withNames)).isEmpty();
    }

    @Test
    void reportsAnEngineJarThatJenkinsClassFilterWouldReject() {
        String engineJar = hpi.files().keySet().stream()
                .filter(p -> p.startsWith("WEB-INF/lib/cd4ml-plugin-core-")).findFirst().orElseThrow();
        Hpi broken = hpi.withJar(engineJar, jar -> {
            jar.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            return jar;
        });

        assertThat(HpiInspector.inspect(broken)).singleElement().asString()
                .contains(engineJar).contains("Jenkins-ClassFilter-Whitelisted");
    }

    @Test
    void reportsClassesOutsideThePluginJar() {
        byte[] step = hpi.jar(Hpi.PLUGIN_JAR).get(INFO_STEP);

        assertThat(HpiInspector.inspect(hpi.withFile("WEB-INF/classes/" + INFO_STEP, step)))
                .singleElement().asString().contains("WEB-INF/classes/");
    }

    @Test
    void reportsAMissingManifest() {
        Hpi broken = new Hpi(null, hpi.files());

        assertThat(HpiInspector.inspect(broken)).contains("no META-INF/MANIFEST.MF");
    }

    private static byte[] jarOf(Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            manifest.write(m);
            return Hpi.zip(Map.of("META-INF/MANIFEST.MF", m.toByteArray(), entry, in.readAllBytes()));
        }
    }

    private static byte[] compile(Path tmp, String className, String source, boolean parameters)
            throws IOException, URISyntaxException {
        Path dir = Files.createTempDirectory(tmp, parameters ? "with" : "without");
        Path file = Files.createDirectories(dir.resolve("src/fixture")).resolve(className + ".java");
        Files.writeString(file, source);
        String stubs = Path.of(DataBoundConstructor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of("--release", "17", "-proc:none",
                "-cp", stubs + java.io.File.pathSeparator + Path.of("..", "steps", "target", "classes"), "-d", dir.resolve("out").toString(), file.toString()));
        if (parameters) {
            args.add(0, "-parameters");
        }
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
        return Files.readAllBytes(dir.resolve("out/fixture/" + className + ".class"));
    }
}
