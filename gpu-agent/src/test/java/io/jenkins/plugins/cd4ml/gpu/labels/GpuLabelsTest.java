package io.jenkins.plugins.cd4ml.gpu.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.Nodes;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuInventory;
import io.jenkins.plugins.cd4ml.gpu.health.HealthPolicy;
import io.jenkins.plugins.cd4ml.gpu.health.KernelLog;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpuLabelsTest {
    @Test
    void a100() {
        assertThat(Nodes.of("a100-80gb").labels())
                .containsExactly("cuda-12", "cuda-12.2", "gpu", "gpu-1", "gpu-a100", "gpu-mem-80g");
    }

    @Test
    void a100WithMigAdvertisesItsLargestMigDevice() {
        assertThat(Nodes.of("a100-80gb-mig").labels())
                .containsExactly("cuda-12", "cuda-12.2", "gpu", "gpu-1", "gpu-a100", "gpu-mem-40g", "mig");
    }

    @Test
    void h100AndT4() {
        assertThat(Nodes.of("h100").labels()).contains("gpu-h100", "gpu-mem-80g", "cuda-12.4");
        assertThat(Nodes.of("t4").labels()).containsExactly("cuda-11", "cuda-11.4", "gpu", "gpu-1", "gpu-mem-16g",
                "gpu-t4");
    }

    @Test
    void unhealthyGpusAreNotCountedButFlagged() {
        assertThat(Nodes.of("dgx-a100-8x").labels())
                .containsExactly("cuda-12", "cuda-12.2", "gpu", "gpu-5", "gpu-a100", "gpu-mem-40g", "gpu-unhealthy");
    }

    @Test
    void noDriverMeansNoLabels() {
        GpuNodeReport none = GpuNodeReport.of(GpuInventory.noDriver("nvidia-smi not found"),
                KernelLog.unreadable(""), HealthPolicy.defaults(), Nodes.CLOCK);
        assertThat(none.labels()).isEmpty();
        GpuNodeReport broken = GpuNodeReport.of(GpuInventory.driverError("NVIDIA-SMI has failed"),
                KernelLog.unreadable(""), HealthPolicy.defaults(), Nodes.CLOCK);
        assertThat(broken.labels()).containsExactly("gpu-unhealthy");
    }

    @ParameterizedTest
    @CsvSource({
        "NVIDIA A100-SXM4-80GB, a100", "NVIDIA A100 80GB PCIe, a100", "NVIDIA A100-PCIE-40GB, a100",
        "NVIDIA H100 80GB HBM3, h100", "NVIDIA H100 NVL, h100", "NVIDIA H100 PCIe, h100", "Tesla T4, t4",
        "Tesla V100-SXM2-32GB, v100", "NVIDIA GeForce RTX 4090, rtx4090", "NVIDIA RTX A6000, rtxa6000",
        "NVIDIA A10G, a10g", "NVIDIA L4, l4", "NVIDIA L40S, l40s", "NVIDIA GH200 480GB, gh200",
        "NVIDIA GeForce GTX 1080 Ti, gtx1080ti", "NVIDIA RTX 6000 Ada Generation, rtx6000ada"
    })
    void shortModelNames(String product, String expected) {
        assertThat(GpuModelNames.shortModel(product)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "NVIDIA A100-SXM4-80GB, 81920, 80", "NVIDIA A100-SXM4-40GB, 40960, 40", "NVIDIA H100 80GB HBM3, 81559, 80",
        "Tesla T4, 15360, 16", "NVIDIA A10G, 23028, 24", "NVIDIA L4, 23034, 24", "NVIDIA GeForce RTX 4090, 24564, 24",
        "NVIDIA A40, 46068, 48", "NVIDIA H200, 143771, 141", "NVIDIA H100 NVL, 95830, 94", "3g.40gb, 40192, 40",
        "NVIDIA GeForce GTX 1080 Ti, 11264, 11"
    })
    void marketedMemory(String product, long mib, int expected) {
        assertThat(GpuModelNames.marketedGigabytes(product, mib)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void modelNamesAreLabelSafe(@ForAll String product) {
        assertThat(GpuModelNames.shortModel(product)).matches("[a-z0-9]+");
    }

    @Property(tries = 300)
    void marketedMemoryNeverUnderstatesByMoreThanHalfAGigabyte(@ForAll @LongRange(min = 1, max = 400_000) long mib) {
        assertThat((double) GpuModelNames.marketedGigabytes("gpu", mib)).isGreaterThanOrEqualTo(mib / 1024.0 - 0.5);
    }
}
