package io.jenkins.plugins.cd4ml.gpu.discovery;

import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Discovers the GPUs of the machine it runs on from three nvidia-smi calls: the XML report (the
 * source of truth), the CSV query (compute capability, which the XML lacks) and {@code -L} (MIG
 * UUIDs, only when MIG is on). Never throws for a machine without GPUs or with a broken driver: the
 * inventory says so.
 */
public final class GpuDiscovery {
    /** The default nvidia-smi program, looked up on the PATH. */
    public static final String NVIDIA_SMI = "nvidia-smi";

    private final GpuProbe probe;
    private final String nvidiaSmi;
    private final Duration timeout;

    /**
     * @param probe runs nvidia-smi
     * @param nvidiaSmi the nvidia-smi program (name on the PATH or absolute path)
     * @param timeout the time limit per call
     */
    public GpuDiscovery(GpuProbe probe, String nvidiaSmi, Duration timeout) {
        this.probe = probe;
        this.nvidiaSmi = nvidiaSmi;
        this.timeout = timeout;
    }

    /** @param probe runs nvidia-smi from the PATH with the default timeout */
    public GpuDiscovery(GpuProbe probe) {
        this(probe, NVIDIA_SMI, GpuProbe.DEFAULT_TIMEOUT);
    }

    /**
     * @return the GPUs, or why there are none
     * @throws InterruptedException if interrupted while nvidia-smi runs
     */
    public GpuInventory discover() throws InterruptedException {
        CommandResult xml = probe.run(List.of(nvidiaSmi, "-q", "-x"), timeout);
        if (xml.outcome() == CommandResult.Outcome.NOT_FOUND) {
            return GpuInventory.noDriver("no NVIDIA driver: " + xml.describeFailure());
        }
        if (!xml.isOk()) {
            return GpuInventory.driverError(xml.describeFailure());
        }
        GpuInventory inventory;
        try {
            inventory = new NvidiaSmiXmlParser().parse(xml.stdout());
        } catch (InvalidInputException e) {
            return GpuInventory.driverError("unreadable nvidia-smi output: " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        List<Gpu> gpus = withComputeCapability(inventory.gpus(), notes);
        if (gpus.stream().anyMatch(Gpu::migEnabled)) {
            gpus = withMigIdentities(gpus, notes);
        }
        return new GpuInventory(inventory.status(), inventory.driverVersion(), inventory.cudaVersion(), gpus,
                String.join("; ", notes));
    }

    private List<Gpu> withComputeCapability(List<Gpu> gpus, List<String> notes) throws InterruptedException {
        QueryGpuCsv query = new QueryGpuCsv(QueryGpuCsv.DISCOVERY_FIELDS);
        CommandResult csv = probe.run(List.of(nvidiaSmi, query.queryArgument(), QueryGpuCsv.formatArgument()),
                timeout);
        if (!csv.isOk()) {
            notes.add("compute capability unknown: " + csv.describeFailure());
            return gpus;
        }
        try {
            List<Gpu> result = new ArrayList<>();
            List<Map<String, String>> rows = query.parse(csv.stdout());
            for (Gpu gpu : gpus) {
                String capability = rows.stream().filter(row -> gpu.uuid().equals(row.get("uuid")))
                        .map(row -> Values.present(row.get("compute_cap"))).findFirst().orElse("");
                result.add(gpu.withComputeCapability(capability));
            }
            return result;
        } catch (InvalidInputException e) {
            notes.add("compute capability unknown: " + e.getMessage());
            return gpus;
        }
    }

    private List<Gpu> withMigIdentities(List<Gpu> gpus, List<String> notes) throws InterruptedException {
        CommandResult list = probe.run(List.of(nvidiaSmi, "-L"), timeout);
        if (!list.isOk()) {
            notes.add("MIG device UUIDs unknown: " + list.describeFailure());
            return gpus;
        }
        List<NvidiaSmiListParser.MigListing> listings = new NvidiaSmiListParser().parse(list.stdout());
        List<Gpu> result = new ArrayList<>();
        for (Gpu gpu : gpus) {
            List<MigInstance> instances = new ArrayList<>();
            for (MigInstance instance : gpu.migInstances()) {
                instances.add(listings.stream()
                        .filter(l -> l.gpuIndex() == gpu.index() && l.deviceIndex() == instance.index())
                        .findFirst().map(l -> instance.withIdentity(l.uuid(), l.profile())).orElse(instance));
            }
            result.add(gpu.withMigInstances(instances));
        }
        return result;
    }
}
