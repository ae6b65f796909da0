package io.jenkins.plugins.cd4ml.gpu;

import java.io.File;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What an agent (or any machine) is: Java runtime, operating system, CPU count and whether the
 * NVIDIA driver's {@code nvidia-smi} tool is on the {@code PATH}.
 *
 * <p>Deliberately minimal: it only says whether GPU tooling is present. Full GPU discovery
 * (devices, memory, driver/CUDA versions) belongs to the GPU discovery classes of this module.
 *
 * @param javaVersion {@code java.version} of the running JVM
 * @param javaVendor {@code java.vendor} of the running JVM
 * @param osName {@code os.name}
 * @param osArch {@code os.arch}
 * @param cpuCount processors available to the JVM
 * @param nvidiaSmiPath absolute path of the first {@code nvidia-smi} executable on the PATH, or
 *     {@code null} when there is none
 */
public record AgentFacts(String javaVersion, String javaVendor, String osName, String osArch, int cpuCount,
        String nvidiaSmiPath) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The executable names of the NVIDIA System Management Interface, per platform. */
    private static final String[] NVIDIA_SMI_NAMES = {"nvidia-smi", "nvidia-smi.exe"};

    public AgentFacts {
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osArch, "osArch");
        if (cpuCount < 1) {
            throw new IllegalArgumentException("cpuCount must be at least 1, was " + cpuCount);
        }
    }

    /**
     * Looks at the machine this JVM runs on.
     *
     * @param probeGpu whether to look for {@code nvidia-smi} at all
     * @return the facts of this machine
     */
    public static AgentFacts ofThisMachine(boolean probeGpu) {
        return of(System.getProperties(), Runtime.getRuntime().availableProcessors(),
                probeGpu ? System.getenv() : Map.of());
    }

    /**
     * Builds the facts from explicit inputs (what {@link #ofThisMachine} reads from the JVM).
     *
     * @param systemProperties the JVM's system properties
     * @param cpuCount processors available
     * @param environment environment variables; only {@code PATH} (any case, as on Windows) is read
     * @return the facts
     */
    public static AgentFacts of(Properties systemProperties, int cpuCount, Map<String, String> environment) {
        return new AgentFacts(
                systemProperties.getProperty("java.version", "unknown"),
                systemProperties.getProperty("java.vendor", "unknown"),
                systemProperties.getProperty("os.name", "unknown"),
                systemProperties.getProperty("os.arch", "unknown"),
                cpuCount,
                findOnPath(pathOf(environment)).orElse(null));
    }

    /** @return whether {@code nvidia-smi} was found, i.e. the NVIDIA driver tools are installed */
    public boolean nvidiaSmiPresent() {
        return nvidiaSmiPath != null;
    }

    private static String pathOf(Map<String, String> environment) {
        return environment.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("PATH"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }

    private static Optional<String> findOnPath(String path) {
        for (String directory : path.split(Pattern.quote(File.pathSeparator))) {
            if (directory.isBlank()) {
                continue;
            }
            for (String name : NVIDIA_SMI_NAMES) {
                File candidate = new File(directory, name);
                if (candidate.isFile() && candidate.canExecute()) {
                    return Optional.of(candidate.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
