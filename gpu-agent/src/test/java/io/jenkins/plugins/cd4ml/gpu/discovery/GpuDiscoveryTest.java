package io.jenkins.plugins.cd4ml.gpu.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gpu.FakeProbe;
import io.jenkins.plugins.cd4ml.gpu.Fixtures;
import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import org.junit.jupiter.api.Test;

class GpuDiscoveryTest {
    private static GpuInventory discover(FakeProbe probe) throws InterruptedException {
        return new GpuDiscovery(probe).discover();
    }

    @Test
    void a100WithoutMig() throws InterruptedException {
        GpuInventory inventory = discover(FakeProbe.nvidiaSmi("a100-80gb"));
        assertThat(inventory.status()).isEqualTo(GpuInventory.Status.AVAILABLE);
        assertThat(inventory.driverVersion()).isEqualTo("535.129.03");
        assertThat(inventory.cudaVersion()).isEqualTo("12.2");
        assertThat(inventory.gpus()).hasSize(1);
        Gpu gpu = inventory.gpus().get(0);
        assertThat(gpu.name()).isEqualTo("NVIDIA A100-SXM4-80GB");
        assertThat(gpu.uuid()).startsWith("GPU-8f6c1e2a");
        assertThat(gpu.pciBusId()).isEqualTo("00000000:07:00.0");
        assertThat(gpu.memoryTotalMiB()).isEqualTo(81920);
        assertThat(gpu.computeCapability()).isEqualTo("8.0");
        assertThat(gpu.persistenceMode()).isTrue();
        assertThat(gpu.migEnabled()).isFalse();
        assertThat(gpu.migInstances()).isEmpty();
        assertThat(gpu.ecc().enabled()).isTrue();
        assertThat(gpu.ecc().volatileUncorrectable()).isZero();
        assertThat(gpu.ecc().remappedRowsPending()).isFalse();
        assertThat(gpu.readings().temperatureC()).isEqualTo(58);
        assertThat(gpu.readings().slowdownTemperatureC()).isEqualTo(87);
        assertThat(gpu.readings().powerDrawW()).isEqualTo(312.45);
        assertThat(gpu.readings().powerLimitW()).isEqualTo(400.0);
        assertThat(gpu.readings().utilizationPercent()).isEqualTo(87);
        assertThat(gpu.readings().memoryUsedMiB()).isEqualTo(61211);
    }

    @Test
    void a100WithMigReadsInstancesAndTheirUuidsFromTheListing() throws InterruptedException {
        FakeProbe probe = FakeProbe.nvidiaSmi("a100-80gb-mig");
        GpuInventory inventory = discover(probe);
        Gpu gpu = inventory.gpus().get(0);
        assertThat(gpu.migEnabled()).isTrue();
        assertThat(gpu.migInstances()).extracting(MigInstance::profile).containsExactly("3g.40gb", "2g.20gb", "1g.10gb");
        assertThat(gpu.migInstances()).extracting(MigInstance::memoryTotalMiB).containsExactly(40192L, 19968L, 9728L);
        assertThat(gpu.migInstances()).extracting(MigInstance::gpuInstanceId).containsExactly(1, 5, 13);
        assertThat(gpu.migInstances()).allSatisfy(m -> assertThat(m.uuid()).startsWith("MIG-"));
        assertThat(gpu.readings().utilizationPercent()).as("N/A under MIG").isNull();
        assertThat(probe.calls()).anySatisfy(call -> assertThat(call).containsExactly("nvidia-smi", "-L"));
    }

    @Test
    void migWithoutListingKeepsInstancesAndSaysWhy() throws InterruptedException {
        FakeProbe probe = new FakeProbe()
                .answer("-q", CommandResult.Outcome.OK, 0, Fixtures.text("a100-80gb-mig.xml"))
                .answer("--query-gpu", CommandResult.Outcome.OK, 0, Fixtures.text("a100-80gb-mig.csv"))
                .answer("-L", CommandResult.Outcome.FAILED, 6, "Failed to initialize NVML: Unknown Error");
        GpuInventory inventory = discover(probe);
        assertThat(inventory.gpus().get(0).migInstances()).hasSize(3).allSatisfy(m -> assertThat(m.uuid()).isEmpty());
        assertThat(inventory.message()).contains("MIG device UUIDs unknown").contains("Failed to initialize NVML");
    }

    @Test
    void h100WithRecentDriverLayout() throws InterruptedException {
        Gpu gpu = discover(FakeProbe.nvidiaSmi("h100")).gpus().get(0);
        assertThat(gpu.name()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(gpu.memoryTotalMiB()).isEqualTo(81559);
        assertThat(gpu.computeCapability()).isEqualTo("9.0");
        assertThat(gpu.readings().powerDrawW()).as("instant power draw (550+)").isEqualTo(602.37);
        assertThat(gpu.readings().powerLimitW()).isEqualTo(700.0);
        assertThat(gpu.ecc().volatileUncorrectable()).isZero();
    }

    @Test
    void t4WithOldDriverLayout() throws InterruptedException {
        GpuInventory inventory = discover(FakeProbe.nvidiaSmi("t4"));
        Gpu gpu = inventory.gpus().get(0);
        assertThat(inventory.driverVersion()).isEqualTo("470.182.03");
        assertThat(inventory.cudaVersion()).isEqualTo("11.4");
        assertThat(gpu.name()).isEqualTo("Tesla T4");
        assertThat(gpu.memoryTotalMiB()).isEqualTo(15360);
        assertThat(gpu.computeCapability()).isEqualTo("7.5");
        assertThat(gpu.persistenceMode()).isFalse();
        assertThat(gpu.migEnabled()).isFalse();
        assertThat(gpu.readings().powerDrawW()).isEqualTo(9.37);
        assertThat(gpu.readings().powerLimitW()).isEqualTo(70.0);
        assertThat(gpu.ecc().volatileUncorrectable()).as("double_bit/total").isZero();
        assertThat(gpu.ecc().retiredPagesPending()).isFalse();
    }

    @Test
    void eightGpuNode() throws InterruptedException {
        GpuInventory inventory = discover(FakeProbe.nvidiaSmi("dgx-a100-8x"));
        assertThat(inventory.gpus()).hasSize(8);
        assertThat(inventory.gpus()).extracting(Gpu::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(inventory.gpus()).extracting(Gpu::memoryTotalMiB).containsOnly(40960L);
        assertThat(inventory.gpus()).extracting(Gpu::uuid).doesNotHaveDuplicates();
        assertThat(inventory.gpus().get(3).ecc().remappedRowsPending()).isTrue();
        assertThat(inventory.gpus().get(5).ecc().volatileUncorrectable()).isEqualTo(2);
        assertThat(inventory.gpus().get(6).readings().temperatureC()).isEqualTo(89);
    }

    @Test
    void missingDriverIsNotAnError() throws InterruptedException {
        GpuInventory inventory = discover(new FakeProbe());
        assertThat(inventory.status()).isEqualTo(GpuInventory.Status.NO_DRIVER);
        assertThat(inventory.gpus()).isEmpty();
        assertThat(inventory.hasGpus()).isFalse();
    }

    @Test
    void shellReportsMissingProgram() throws InterruptedException {
        FakeProbe probe = new FakeProbe().answer("-q", CommandResult.Outcome.NOT_FOUND, 127,
                Fixtures.text("nvidia-smi-not-found.txt"));
        GpuInventory inventory = discover(probe);
        assertThat(inventory.status()).isEqualTo(GpuInventory.Status.NO_DRIVER);
        assertThat(inventory.message()).contains("command not found");
    }

    @Test
    void failingDriverIsReported() throws InterruptedException {
        FakeProbe probe = new FakeProbe().answer("-q", CommandResult.Outcome.FAILED, 9,
                Fixtures.text("nvidia-smi-failed.txt"));
        GpuInventory inventory = discover(probe);
        assertThat(inventory.status()).isEqualTo(GpuInventory.Status.DRIVER_ERROR);
        assertThat(inventory.message()).contains("exit code 9").contains("couldn't communicate with the NVIDIA driver");
    }

    @Test
    void garbageOutputIsADriverErrorNotAnException() throws InterruptedException {
        FakeProbe probe = new FakeProbe().answer("-q", CommandResult.Outcome.OK, 0, "<nvidia_smi_log><gpu>");
        GpuInventory inventory = discover(probe);
        assertThat(inventory.status()).isEqualTo(GpuInventory.Status.DRIVER_ERROR);
        assertThat(inventory.message()).contains("nvidia-smi -q -x:1:");
    }

    @Test
    void inventoryIsSerializable() throws Exception {
        GpuInventory inventory = discover(FakeProbe.nvidiaSmi("a100-80gb-mig"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(inventory);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(inventory);
        }
    }
}
