package io.jenkins.plugins.cd4ml.gpu.alloc;

import io.jenkins.plugins.cd4ml.gpu.Nodes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process for cross-process tests: allocates GPUs, prints {@code HELD <uuids>}, then
 * waits for a line on stdin ({@code release}) or to be killed.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    /**
     * @param args lock directory, fixture, count
     * @throws Exception on any failure (the test sees the exit code)
     */
    public static void main(String[] args) throws Exception {
        GpuAllocator allocator = new GpuAllocator(Path.of(args[0]), Duration.ofMillis(20));
        GpuRequest request = GpuRequest.of(Integer.parseInt(args[2]), 0, Duration.ofSeconds(30), "child-process");
        try (GpuAllocation allocation = allocator.allocate(Nodes.of(args[1]), request, message -> { })) {
            System.out.println("HELD " + allocation.lease().environment().get("CD4ML_GPU_UUIDS"));
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        System.out.println("RELEASED");
        System.out.flush();
    }
}
