package io.jenkins.plugins.cd4ml.gpu.health;

import io.jenkins.plugins.cd4ml.gpu.discovery.EccState;
import io.jenkins.plugins.cd4ml.gpu.discovery.Gpu;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuInventory;
import io.jenkins.plugins.cd4ml.report.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pre-flight check: a pure function of the discovered GPUs, the kernel log and a policy, so it
 * gives the same answer in a Jenkins label finder, a {@code withGpus} step and the CLI.
 */
public final class HealthChecker {
    private final HealthPolicy policy;

    /** @param policy what a healthy GPU must satisfy */
    public HealthChecker(HealthPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param inventory the discovered GPUs
     * @param kernelLog XID errors (or why they could not be read)
     * @param now the current time, to decide which XIDs are recent
     * @return one result per GPU
     */
    public HealthReport check(GpuInventory inventory, KernelLog kernelLog, Instant now) {
        List<String> notes = new ArrayList<>();
        if (!kernelLog.readable()) {
            notes.add(kernelLog.note());
        }
        List<GpuHealth> results = new ArrayList<>();
        for (Gpu gpu : inventory.gpus()) {
            List<HealthFinding> findings = new ArrayList<>();
            checkEcc(gpu.ecc(), findings);
            checkXids(gpu, kernelLog, now, findings);
            checkTemperature(gpu, findings);
            if (!gpu.persistenceMode()) {
                findings.add(new HealthFinding("persistence-mode",
                        policy.requirePersistenceMode() ? Severity.FAILURE : Severity.WARNING,
                        "persistence mode is off (slow first CUDA call, state lost between jobs; "
                                + "enable with nvidia-smi -pm 1 or nvidia-persistenced)"));
            }
            checkVersions(inventory, findings);
            results.add(new GpuHealth(gpu.index(), gpu.uuid(), findings));
        }
        return new HealthReport(results, notes);
    }

    private static void checkEcc(EccState ecc, List<HealthFinding> findings) {
        if (ecc.volatileUncorrectable() != null && ecc.volatileUncorrectable() > 0) {
            findings.add(new HealthFinding("ecc", Severity.FAILURE, ecc.volatileUncorrectable()
                    + " uncorrectable ECC error(s) since the driver was loaded"));
        }
        if (ecc.retiredPagesPending()) {
            findings.add(new HealthFinding("retired-pages", Severity.FAILURE,
                    "a page retirement is pending (reset the GPU)"));
        }
        if (ecc.remappedRowsPending()) {
            findings.add(new HealthFinding("row-remapping", Severity.FAILURE,
                    "a row remapping is pending (reset the GPU)"));
        }
        if (ecc.remappedRowsFailure()) {
            findings.add(new HealthFinding("row-remapping", Severity.FAILURE,
                    "row remapping failed (the GPU needs service)"));
        }
    }

    private void checkXids(Gpu gpu, KernelLog kernelLog, Instant now, List<HealthFinding> findings) {
        String address = PciAddress.normalise(gpu.pciBusId());
        Instant since = now.minus(policy.xidWindow());
        Set<Integer> critical = new TreeSet<>();
        Set<Integer> notable = new TreeSet<>();
        for (XidEvent event : kernelLog.events()) {
            boolean recent = event.time() == null || !event.time().isBefore(since);
            if (!recent || !event.pciAddress().equals(address)) {
                continue;
            }
            if (event.isCritical()) {
                critical.add(event.xid());
            } else if (XidEvent.NOTABLE.contains(event.xid())) {
                notable.add(event.xid());
            }
        }
        if (!critical.isEmpty()) {
            findings.add(new HealthFinding("xid", Severity.FAILURE, "recent XID error(s) " + critical
                    + " in the kernel log"));
        }
        if (!notable.isEmpty()) {
            findings.add(new HealthFinding("xid", Severity.WARNING, "recent XID error(s) " + notable
                    + " in the kernel log"));
        }
    }

    private void checkTemperature(Gpu gpu, List<HealthFinding> findings) {
        Integer temperature = gpu.readings().temperatureC();
        if (temperature != null && temperature > policy.maxTemperatureC()) {
            findings.add(new HealthFinding("temperature", Severity.FAILURE,
                    "temperature " + temperature + " °C is above the limit of " + policy.maxTemperatureC() + " °C"));
        }
    }

    private void checkVersions(GpuInventory inventory, List<HealthFinding> findings) {
        if (!policy.minDriverVersion().isEmpty()
                && Versions.compare(inventory.driverVersion(), policy.minDriverVersion()) < 0) {
            findings.add(new HealthFinding("driver-version", Severity.FAILURE, "driver " + inventory.driverVersion()
                    + " is older than the required " + policy.minDriverVersion()));
        }
        if (!policy.minCudaVersion().isEmpty()) {
            if (inventory.cudaVersion().isEmpty()) {
                findings.add(new HealthFinding("cuda-version", Severity.FAILURE,
                        "the driver does not report a CUDA version; required " + policy.minCudaVersion()));
            } else if (Versions.compare(inventory.cudaVersion(), policy.minCudaVersion()) < 0) {
                findings.add(new HealthFinding("cuda-version", Severity.FAILURE, "CUDA " + inventory.cudaVersion()
                        + " is older than the required " + policy.minCudaVersion()));
            }
        }
    }
}
