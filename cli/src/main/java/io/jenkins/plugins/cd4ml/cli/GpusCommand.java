package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocator;
import io.jenkins.plugins.cd4ml.gpu.discovery.Gpu;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuInventory;
import io.jenkins.plugins.cd4ml.gpu.discovery.MigInstance;
import io.jenkins.plugins.cd4ml.gpu.health.GpuHealth;
import io.jenkins.plugins.cd4ml.gpu.health.HealthFinding;
import io.jenkins.plugins.cd4ml.gpu.health.HealthStatus;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cd4ml gpus}: the GPUs of this machine, their health and the agent labels they earn. */
@Command(name = "gpus", mixinStandardHelpOptions = true,
        description = {"Discover this machine's NVIDIA GPUs, check their health and print the agent labels they earn.",
            "Exit code 0 when every GPU is healthy (or there is no driver), 4 when only warnings were found, "
                    + "1 when a GPU is unhealthy or the driver does not answer."})
final class GpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GpuOptions gpu;

    @Option(names = "--format", description = "Output format: text or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        GpuNodeReport node = gpu.scan();
        Map<String, String> holders = holders(node);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> printText(node, holders, out);
            case json -> out.println(Json.mapper().writeValueAsString(toJson(node, holders)));
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format " + format + " is not supported by 'gpus' (use text or json)");
        }
        return verdict(node).exitCode();
    }

    static Verdict verdict(GpuNodeReport node) {
        if (node.inventory().status() == GpuInventory.Status.DRIVER_ERROR || node.health().anyUnhealthy()) {
            return Verdict.FAILED;
        }
        boolean warnings = node.health().gpus().stream().anyMatch(g -> g.status() == HealthStatus.WARNING);
        return warnings ? Verdict.UNSTABLE : Verdict.PASSED;
    }

    private Map<String, String> holders(GpuNodeReport node) {
        return new GpuAllocator(gpu.lockDirectory()).states(node).stream().filter(s -> !s.isFree())
                .collect(Collectors.toMap(s -> s.device().uuid(), GpuAllocator.DeviceState::holder, (a, b) -> a));
    }

    private static void printText(GpuNodeReport node, Map<String, String> holders, PrintWriter out) {
        GpuInventory inventory = node.inventory();
        switch (inventory.status()) {
            case NO_DRIVER -> out.println(inventory.message());
            case DRIVER_ERROR -> out.println("NVIDIA driver not answering: " + inventory.message());
            case AVAILABLE -> out.printf(Locale.ROOT, "%d GPU(s), driver %s, CUDA %s%n", inventory.gpus().size(),
                    inventory.driverVersion(), inventory.cudaVersion());
        }
        for (Gpu g : inventory.gpus()) {
            GpuHealth health = node.health().forGpu(g.uuid()).orElseThrow();
            out.printf(Locale.ROOT, "GPU %d: %s, %d MiB, compute %s, %s%s%n", g.index(), g.name(), g.memoryTotalMiB(),
                    g.computeCapability().isEmpty() ? "?" : g.computeCapability(), g.uuid(),
                    holders.containsKey(g.uuid()) ? " [held by " + holders.get(g.uuid()) + "]" : "");
            out.printf(Locale.ROOT, "  health: %s%s%n", health.status().name().toLowerCase(Locale.ROOT),
                    health.findings().isEmpty() ? "" : " - " + health.summary());
            out.printf(Locale.ROOT, "  temperature %s °C, power %s W, utilization %s %%, persistence mode %s%n",
                    orUnknown(g.readings().temperatureC()), orUnknown(g.readings().powerDrawW()),
                    orUnknown(g.readings().utilizationPercent()), g.persistenceMode() ? "on" : "off");
            for (MigInstance mig : g.migInstances()) {
                out.printf(Locale.ROOT, "  MIG %d: %s, %d MiB, %s%s%n", mig.index(), mig.profile(),
                        mig.memoryTotalMiB(), mig.uuid().isEmpty() ? "UUID unknown" : mig.uuid(),
                        holders.containsKey(mig.uuid()) ? " [held by " + holders.get(mig.uuid()) + "]" : "");
            }
        }
        if (!inventory.message().isEmpty() && inventory.status() == GpuInventory.Status.AVAILABLE) {
            out.println("note: " + inventory.message());
        }
        node.health().notes().forEach(n -> out.println("note: " + n));
        out.println("labels: " + (node.labels().isEmpty() ? "(none)" : String.join(" ", node.labels())));
    }

    private static String orUnknown(Object value) {
        return value == null ? "?" : value.toString();
    }

    private static ObjectNode toJson(GpuNodeReport node, Map<String, String> holders) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        GpuInventory inventory = node.inventory();
        root.put("status", inventory.status().name());
        root.put("verdict", verdict(node).name());
        root.put("driverVersion", inventory.driverVersion());
        root.put("cudaVersion", inventory.cudaVersion());
        root.put("message", inventory.message());
        ArrayNode labels = root.putArray("labels");
        node.labels().forEach(labels::add);
        ArrayNode gpus = root.putArray("gpus");
        for (Gpu g : inventory.gpus()) {
            ObjectNode json = Json.mapper().valueToTree(g);
            GpuHealth health = node.health().forGpu(g.uuid()).orElseThrow();
            ObjectNode healthJson = json.putObject("health");
            healthJson.put("status", health.status().name());
            ArrayNode findings = healthJson.putArray("findings");
            for (HealthFinding finding : health.findings()) {
                findings.add(Json.mapper().valueToTree(finding));
            }
            json.put("heldBy", holders.getOrDefault(g.uuid(), ""));
            gpus.add(json);
        }
        ArrayNode notes = root.putArray("notes");
        List.copyOf(node.health().notes()).forEach(notes::add);
        return root;
    }
}
