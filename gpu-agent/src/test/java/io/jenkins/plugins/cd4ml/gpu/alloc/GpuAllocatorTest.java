package io.jenkins.plugins.cd4ml.gpu.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.Nodes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuAllocatorTest {
    private static final GpuNodeReport DGX = Nodes.of("dgx-a100-8x");
    private static final List<String> HEALTHY_DGX_UUIDS = DGX.inventory().gpus().stream()
            .filter(g -> g.index() == 0 || g.index() == 1 || g.index() == 2 || g.index() == 4 || g.index() == 7)
            .map(g -> g.uuid()).toList();

    @TempDir
    Path locks;

    private GpuAllocator allocator() {
        return new GpuAllocator(locks, Duration.ofMillis(10));
    }

    private static GpuRequest request(int count, Duration wait, String owner) {
        return GpuRequest.of(count, 0, wait, owner);
    }

    @Test
    void handsOutOnlyHealthyGpusAndSetsTheEnvironment() throws Exception {
        try (GpuAllocation allocation = allocator().allocate(DGX, request(5, Duration.ZERO, "job #1"), m -> { })) {
            GpuLease lease = allocation.lease();
            assertThat(lease.devices()).extracting(AllocatedDevice::uuid).containsExactlyElementsOf(HEALTHY_DGX_UUIDS);
            assertThat(lease.environment()).containsEntry("CUDA_VISIBLE_DEVICES", String.join(",", HEALTHY_DGX_UUIDS))
                    .containsEntry("NVIDIA_VISIBLE_DEVICES", String.join(",", HEALTHY_DGX_UUIDS))
                    .containsEntry("CD4ML_GPU_COUNT", "5");
        }
    }

    @Test
    void requestBeyondTheHealthyGpusFailsAtOnceWithReasons() {
        assertThatThrownBy(() -> allocator().allocate(DGX, request(6, Duration.ofHours(1), "job"), m -> { }))
                .isInstanceOfSatisfying(GpuAllocationException.class, e -> assertThat(e.getReason())
                        .isEqualTo(GpuAllocationException.Reason.UNSATISFIABLE))
                .hasMessageContaining("only 5 healthy device(s)")
                .hasMessageContaining("GPU 3 is unhealthy: a row remapping is pending")
                .hasMessageContaining("GPU 5 is unhealthy: 2 uncorrectable ECC error(s)")
                .hasMessageContaining("GPU 6 is unhealthy: temperature 89 °C");
    }

    @Test
    void indexNamingUsesPciOrder() throws Exception {
        GpuRequest byIndex = new GpuRequest(2, 0, Duration.ZERO, DeviceNaming.INDEX, "job");
        try (GpuAllocation allocation = allocator().allocate(DGX, byIndex, m -> { })) {
            assertThat(allocation.lease().environment()).containsEntry("CUDA_VISIBLE_DEVICES", "0,1")
                    .containsEntry("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
        }
    }

    @Test
    void migDevicesAreHandedOutByUuidAndMemory() throws Exception {
        GpuNodeReport mig = Nodes.of("a100-80gb-mig");
        GpuRequest forty = GpuRequest.of(1, 40, Duration.ZERO, "job");
        try (GpuAllocation allocation = allocator().allocate(mig, forty, m -> { })) {
            AllocatedDevice device = allocation.lease().devices().get(0);
            assertThat(device.migProfile()).isEqualTo("3g.40gb");
            assertThat(allocation.lease().environment().get("CUDA_VISIBLE_DEVICES")).isEqualTo(device.uuid())
                    .startsWith("MIG-");
            assertThatThrownBy(() -> allocator().allocate(mig, forty, m -> { }))
                    .isInstanceOf(GpuAllocationException.class).hasMessageContaining("1 GPU(s) with at least 40 GB")
                    .hasMessageContaining("3g.40gb")
                    .hasMessageContaining("held by job");
        }
        assertThatThrownBy(() -> allocator().allocate(mig, GpuRequest.of(3, 20, Duration.ZERO, "job"), m -> { }))
                .as("the 1g.10gb device is too small")
                .isInstanceOfSatisfying(GpuAllocationException.class, e -> assertThat(e.getReason())
                        .isEqualTo(GpuAllocationException.Reason.UNSATISFIABLE));
        // 2g.20gb (19968 MiB) counts as 20 GB, so two devices of at least 20 GB exist.
        try (GpuAllocation two = allocator().allocate(mig, GpuRequest.of(2, 20, Duration.ZERO, "job"), m -> { })) {
            assertThat(two.lease().devices()).extracting(AllocatedDevice::migProfile).containsExactly("3g.40gb", "2g.20gb");
        }
    }

    @Test
    void busyGpusMakeTheRequestWaitThenTimeOutWithAQueueMessage() throws Exception {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        try (GpuAllocation all = allocator().allocate(DGX, request(5, Duration.ZERO, "nightly #7"), m -> { })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> allocator().allocate(DGX, request(1, Duration.ofMillis(300), "pr #9"),
                    messages::add))
                    .isInstanceOfSatisfying(GpuAllocationException.class, e -> assertThat(e.getReason())
                            .isEqualTo(GpuAllocationException.Reason.TIMED_OUT))
                    .hasMessageContaining("held by nightly #7");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(all.isHeld()).isTrue();
        }
        assertThat(messages).isNotEmpty();
        assertThat(messages.get(0)).startsWith("Waiting for 1 GPU(s): 0 of 5 suitable device(s) free, 1 needed")
                .contains("held by nightly #7");
    }

    @Test
    void waitingRequestGetsTheGpuWhenItIsReleased() throws Exception {
        GpuAllocation first = allocator().allocate(DGX, request(5, Duration.ZERO, "first"), m -> { });
        CountDownLatch waiting = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<GpuAllocation> second = executor.submit(() ->
                    allocator().allocate(DGX, request(2, Duration.ofSeconds(20), "second"), m -> waiting.countDown()));
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(GpuAllocator.release(first.lease().id())).isTrue();
            assertThat(GpuAllocator.release(first.lease().id())).as("idempotent").isFalse();
            try (GpuAllocation got = second.get(20, TimeUnit.SECONDS)) {
                assertThat(got.lease().devices()).hasSize(2);
                assertThat(got.lease().waited()).isPositive();
                assertThat(GpuAllocator.find(got.lease().id())).contains(got);
            }
        } finally {
            first.close();
            executor.shutdownNow();
        }
    }

    @Test
    void interruptedWaitLeavesNothingHeld() throws Exception {
        GpuAllocation all = allocator().allocate(DGX, request(4, Duration.ZERO, "holder"), m -> { });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                allocator().allocate(DGX, request(2, Duration.ofMinutes(5), "waiter"), m -> waiting.countDown());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        waiter.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        waiter.interrupt();
        waiter.join(10_000);
        assertThat(failure.get()).isInstanceOf(InterruptedException.class);
        all.close();
        try (GpuAllocation everything = allocator().allocate(DGX, request(5, Duration.ZERO, "after"), m -> { })) {
            assertThat(everything.lease().devices()).hasSize(5);
        }
    }

    @Test
    void concurrentThreadsNeverShareAGpu() throws Exception {
        Map<String, AtomicInteger> holders = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            String owner = "thread " + t;
            futures.add(executor.submit(() -> {
                for (int round = 0; round < 5; round++) {
                    try (GpuAllocation allocation = allocator().allocate(DGX, request(2, Duration.ofSeconds(30), owner),
                            m -> { })) {
                        for (AllocatedDevice device : allocation.lease().devices()) {
                            if (holders.computeIfAbsent(device.uuid(), k -> new AtomicInteger()).incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                        }
                        Thread.sleep(3);
                        for (AllocatedDevice device : allocation.lease().devices()) {
                            holders.get(device.uuid()).decrementAndGet();
                        }
                        served.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        executor.shutdown();
        assertThat(overlaps).hasValue(0);
        assertThat(served).hasValue(30);
    }

    @Test
    void anotherProcessHoldsGpusUntilItReleasesOrDies() throws Exception {
        Process child = startHolder(3);
        try {
            String held = readHeld(child);
            assertThat(held.split(",")).hasSize(3);
            // Three of five healthy GPUs are held by the other process: two remain.
            try (GpuAllocation two = allocator().allocate(DGX, request(2, Duration.ZERO, "parent"), m -> { })) {
                assertThat(two.lease().devices()).extracting(AllocatedDevice::uuid).doesNotContainAnyElementsOf(
                        List.of(held.split(",")));
            }
            assertThatThrownBy(() -> allocator().allocate(DGX, request(3, Duration.ZERO, "parent"), m -> { }))
                    .isInstanceOf(GpuAllocationException.class).hasMessageContaining("held by child-process");
            // kill -9: the operating system drops the child's locks.
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            try (GpuAllocation all = allocator().allocate(DGX, request(5, Duration.ofSeconds(10), "parent"), m -> { })) {
                assertThat(all.lease().devices()).hasSize(5);
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anotherProcessReleasesOnClose() throws Exception {
        Process child = startHolder(5);
        try {
            readHeld(child);
            assertThatThrownBy(() -> allocator().allocate(DGX, request(1, Duration.ZERO, "parent"), m -> { }))
                    .isInstanceOf(GpuAllocationException.class);
            child.getOutputStream().write("release\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            try (GpuAllocation all = allocator().allocate(DGX, request(5, Duration.ofSeconds(20), "parent"), m -> { })) {
                assertThat(all.lease().devices()).hasSize(5);
            }
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }

    private Process startHolder(int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LockHolderMain.class.getName(), locks.toString(),
                "dgx-a100-8x", String.valueOf(count)).redirectErrorStream(true).start();
    }

    private static String readHeld(Process child) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("HELD ")) {
                return line.substring(5);
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child exited without holding GPUs:\n" + seen);
    }
}
