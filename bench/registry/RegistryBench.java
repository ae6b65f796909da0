import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Embedded registry benchmark (not run by the build): register VERSIONS versions with ARTIFACTS
 * artifacts each (distinct 4 KiB files), then list them with a fresh registry object.
 *
 * <pre>
 * ./mvnw -B -q -ntp -DskipTests -pl cli -am package
 * java -cp cli/target/cd4ml.jar bench/registry/RegistryBench.java [VERSIONS] [ARTIFACTS] [WORKDIR] [OUT.json]
 * </pre>
 * Prints and writes a JSON document with the timings. Targets: register 1 000 × 10 under 30 s,
 * list 1 000 under 1 s.
 */
public final class RegistryBench {
    public static void main(String... args) throws Exception {
        int versions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int artifacts = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cd4ml-registry-bench");
        Path out = args.length > 3 ? Path.of(args[3]) : null;
        Path store = work.resolve("store");
        Path files = Files.createDirectories(work.resolve("files"));
        Random random = new Random(42);
        byte[] content = new byte[4096];

        EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(store);
        long start = System.nanoTime();
        for (int v = 0; v < versions; v++) {
            Registration.Builder registration = Registration.builder("bench").registeredBy("bench")
                    .metric("auc", random.nextDouble());
            for (int a = 0; a < artifacts; a++) {
                random.nextBytes(content);
                Path file = files.resolve("a" + a + ".bin");
                Files.write(file, content);
                registration.artifact("model/part-" + a + ".bin", file);
            }
            registry.register(registration.build());
        }
        double registerSeconds = (System.nanoTime() - start) / 1e9;

        long listStart = System.nanoTime();
        List<ModelVersion> listed = EmbeddedModelRegistry.open(store).listVersions("bench");
        double firstListSeconds = (System.nanoTime() - listStart) / 1e9;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            EmbeddedModelRegistry.open(store).listVersions("bench");
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        if (listed.size() != versions) {
            throw new IllegalStateException("listed " + listed.size() + " of " + versions);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("schemaVersion", Json.SCHEMA_VERSION);
        result.put("benchmark", "registry-embedded");
        result.put("versions", versions);
        result.put("artifactsPerVersion", artifacts);
        result.put("artifactBytes", content.length);
        result.put("registerSeconds", registerSeconds);
        result.put("registrationsPerSecond", versions / registerSeconds);
        result.put("listFirstSeconds", firstListSeconds);
        result.put("listBestOf5Seconds", best);
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("java", System.getProperty("java.version"));
        String json = Json.mapper().writeValueAsString(result);
        System.out.println(json);
        if (out != null) {
            Files.writeString(out, json + "\n");
        }
    }
}
