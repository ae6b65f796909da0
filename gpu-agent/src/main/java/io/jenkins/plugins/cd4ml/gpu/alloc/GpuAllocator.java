package io.jenkins.plugins.cd4ml.gpu.alloc;

import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.discovery.Gpu;
import io.jenkins.plugins.cd4ml.gpu.discovery.MigInstance;
import io.jenkins.plugins.cd4ml.gpu.health.GpuHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands out GPUs of one agent exclusively across builds, threads and processes, through one lock
 * file per device in a shared directory. Unhealthy GPUs are never handed out; MIG-enabled GPUs
 * are handed out by MIG device. Requests that no free combination satisfies wait, polling, up to
 * {@link GpuRequest#maxWait()}, and say why in a queue message. Waiting is not first-come,
 * first-served: whichever waiter polls first after a release wins.
 */
public final class GpuAllocator {
    /** Allocations open in this JVM, so a later call (another Jenkins callable) can release them by id. */
    private static final Map<String, GpuAllocation> OPEN = new ConcurrentHashMap<>();
    private static final Duration QUEUE_MESSAGE_REPEAT = Duration.ofMinutes(1);

    private final Path lockDirectory;
    private final Duration pollInterval;

    /**
     * @param lockDirectory the directory shared by every process on the agent (created when missing)
     * @param pollInterval how often a waiting request looks again
     */
    public GpuAllocator(Path lockDirectory, Duration pollInterval) {
        this.lockDirectory = lockDirectory;
        this.pollInterval = pollInterval;
    }

    /** @param lockDirectory the shared lock directory; waiting requests look again every second */
    public GpuAllocator(Path lockDirectory) {
        this(lockDirectory, Duration.ofSeconds(1));
    }

    /** @return {@code ~/.cd4ml/gpu-locks}, shared by every build of the user running the agent */
    public static Path defaultLockDirectory() {
        return Path.of(System.getProperty("user.home"), ".cd4ml", "gpu-locks");
    }

    /**
     * A device that could serve requests, and whether it is free now.
     *
     * @param device the device
     * @param holder who holds it (empty when free)
     */
    public record DeviceState(AllocatedDevice device, String holder) {
        /** @return whether nobody holds it */
        public boolean isFree() {
            return holder.isEmpty();
        }
    }

    /**
     * Allocates {@code request.count()} devices with at least {@code request.minMemoryMiB()} each.
     *
     * @param node the agent's GPUs and their health
     * @param request what is asked for
     * @param queue receives a message when the request has to wait (and again when the situation changes)
     * @return the held allocation; close it (or {@link #release(String)} its id) when done
     * @throws GpuAllocationException if the agent cannot ever serve the request, or the wait ran out
     * @throws InterruptedException if interrupted while waiting (nothing stays held)
     * @throws IOException if the lock directory is not usable
     */
    public GpuAllocation allocate(GpuNodeReport node, GpuRequest request, Consumer<String> queue)
            throws GpuAllocationException, InterruptedException, IOException {
        List<AllocatedDevice> candidates = candidates(node, request.minMemoryMiB());
        if (candidates.size() < request.count()) {
            throw new GpuAllocationException(GpuAllocationException.Reason.UNSATISFIABLE,
                    unsatisfiable(node, request, candidates.size()));
        }
        Files.createDirectories(lockDirectory);
        long start = System.nanoTime();
        long deadline = start + request.maxWait().toNanos();
        String lastMessage = "";
        long lastMessageAt = 0;
        while (true) {
            GpuAllocation allocation = tryAllocate(candidates, request, start);
            if (allocation != null) {
                return allocation;
            }
            long now = System.nanoTime();
            String situation = situation(candidates, request);
            if (now - deadline >= 0) {
                throw new GpuAllocationException(GpuAllocationException.Reason.TIMED_OUT, "gave up after waiting "
                        + seconds(now - start) + " s for " + describe(request) + ": " + situation);
            }
            if (!situation.equals(lastMessage) || now - lastMessageAt >= QUEUE_MESSAGE_REPEAT.toNanos()) {
                queue.accept("Waiting for " + describe(request) + ": " + situation + " (waited " + seconds(now - start)
                        + " s of " + request.maxWait().toSeconds() + " s)");
                lastMessage = situation;
                lastMessageAt = now;
            }
            Thread.sleep(Math.max(1, Math.min(pollInterval.toMillis(), (deadline - now) / 1_000_000 + 1)));
        }
    }

    /**
     * @param node the agent's GPUs
     * @return every healthy device and who holds it
     */
    public List<DeviceState> states(GpuNodeReport node) {
        List<DeviceState> states = new ArrayList<>();
        for (AllocatedDevice device : candidates(node, 0)) {
            String holder;
            try {
                holder = Files.isDirectory(lockDirectory) ? holderIfBusy(lockFile(device)) : "";
            } catch (IOException e) {
                holder = "unknown (" + e.getMessage() + ")";
            }
            states.add(new DeviceState(device, holder));
        }
        return states;
    }

    /**
     * @param id an allocation id ({@link GpuLease#id()})
     * @return the open allocation with that id in this JVM
     */
    public static Optional<GpuAllocation> find(String id) {
        return Optional.ofNullable(OPEN.get(id));
    }

    /**
     * Releases an allocation of this JVM by id, e.g. from a Jenkins callable after the body ended.
     *
     * @param id the allocation id
     * @return whether it was open
     */
    public static boolean release(String id) {
        GpuAllocation allocation = OPEN.get(id);
        if (allocation == null) {
            return false;
        }
        allocation.close();
        return true;
    }

    private GpuAllocation tryAllocate(List<AllocatedDevice> candidates, GpuRequest request, long start)
            throws IOException {
        List<LockFiles.Held> held = new ArrayList<>();
        List<AllocatedDevice> devices = new ArrayList<>();
        Instant now = Instant.now();
        String ownerText = "owner=" + request.owner().replaceAll("[\\r\\n]", " ") + "\npid="
                + ProcessHandle.current().pid() + "\nsince=" + now + "\n";
        try {
            for (AllocatedDevice device : candidates) {
                LockFiles.Held lock = LockFiles.tryAcquire(lockFile(device), ownerText);
                if (lock != null) {
                    held.add(lock);
                    devices.add(device);
                    if (held.size() == request.count()) {
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            held.forEach(LockFiles.Held::release);
            throw e;
        }
        if (held.size() < request.count()) {
            held.forEach(LockFiles.Held::release);
            return null;
        }
        String id = UUID.randomUUID().toString();
        GpuLease lease = new GpuLease(id, devices, environment(devices, request.naming()), now,
                (System.nanoTime() - start) / 1_000_000);
        GpuAllocation allocation = new GpuAllocation(lease, held, () -> OPEN.remove(id));
        OPEN.put(id, allocation);
        return allocation;
    }

    /** The environment a build sees: only its devices, named as asked. */
    static Map<String, String> environment(List<AllocatedDevice> devices, DeviceNaming naming) {
        List<String> names = new ArrayList<>();
        for (AllocatedDevice device : devices) {
            names.add(naming == DeviceNaming.INDEX && !device.isMig() ? String.valueOf(device.gpuIndex())
                    : device.uuid());
        }
        String visible = String.join(",", names);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CUDA_VISIBLE_DEVICES", visible);
        env.put("NVIDIA_VISIBLE_DEVICES", visible);
        if (naming == DeviceNaming.INDEX) {
            // CUDA numbers GPUs fastest-first unless told otherwise; nvidia-smi numbers them by PCI bus.
            env.put("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
        }
        env.put("CD4ML_GPU_UUIDS", String.join(",", devices.stream().map(AllocatedDevice::uuid).toList()));
        env.put("CD4ML_GPU_COUNT", String.valueOf(devices.size()));
        return env;
    }

    private static List<AllocatedDevice> candidates(GpuNodeReport node, long minMemoryMiB) {
        List<AllocatedDevice> result = new ArrayList<>();
        for (Gpu gpu : node.inventory().gpus()) {
            if (!node.health().isAllocatable(gpu.uuid())) {
                continue;
            }
            if (gpu.migEnabled()) {
                for (MigInstance mig : gpu.migInstances()) {
                    if (!mig.uuid().isEmpty() && mig.memoryTotalMiB() >= minMemoryMiB) {
                        result.add(new AllocatedDevice(mig.uuid(), gpu.index(), gpu.uuid(), mig.profile(), gpu.name(),
                                mig.memoryTotalMiB()));
                    }
                }
            } else if (gpu.memoryTotalMiB() >= minMemoryMiB) {
                result.add(new AllocatedDevice(gpu.uuid(), gpu.index(), gpu.uuid(), "", gpu.name(),
                        gpu.memoryTotalMiB()));
            }
        }
        return result;
    }

    /** Looks whether a lock file is free by briefly taking it; a stale owner text of a free file is ignored. */
    private static String holderIfBusy(Path file) throws IOException {
        LockFiles.Held probe = LockFiles.tryAcquire(file, "");
        if (probe != null) {
            probe.release();
            return "";
        }
        String holder = holderText(file);
        return holder.isEmpty() ? "another process" : holder;
    }

    private String situation(List<AllocatedDevice> candidates, GpuRequest request) throws IOException {
        List<String> busy = new ArrayList<>();
        int free = 0;
        for (AllocatedDevice device : candidates) {
            String holder = holderIfBusy(lockFile(device));
            if (holder.isEmpty()) {
                free++;
            } else {
                busy.add(device.describe() + " held by " + holder);
            }
        }
        return free + " of " + candidates.size() + " suitable device(s) free, " + request.count() + " needed"
                + (busy.isEmpty() ? "" : "; " + String.join("; ", busy));
    }

    private static String holderText(Path file) {
        String text = LockFiles.holderOf(file);
        String owner = "";
        String since = "";
        for (String line : text.split("\\R")) {
            if (line.startsWith("owner=")) {
                owner = line.substring(6);
            } else if (line.startsWith("since=")) {
                since = line.substring(6);
            }
        }
        if (owner.isEmpty()) {
            return "";
        }
        return owner + (since.isEmpty() ? "" : " since " + since);
    }

    private Path lockFile(AllocatedDevice device) {
        return lockDirectory.resolve(device.uuid().replaceAll("[^A-Za-z0-9-]", "_") + ".lock");
    }

    private static String unsatisfiable(GpuNodeReport node, GpuRequest request, int suitable) {
        StringBuilder text = new StringBuilder("this agent cannot serve " + describe(request) + ": only " + suitable
                + " healthy device(s) with enough memory");
        for (GpuHealth health : node.health().gpus()) {
            if (!health.status().isAllocatable()) {
                text.append("; GPU ").append(health.index()).append(" is unhealthy: ").append(health.summary());
            }
        }
        if (!node.inventory().hasGpus()) {
            text.append("; ").append(node.inventory().message().isEmpty() ? "no GPUs found"
                    : node.inventory().message());
        }
        return text.toString();
    }

    private static String describe(GpuRequest request) {
        if (request.minMemoryMiB() <= 0) {
            return request.count() + " GPU(s)";
        }
        int gigabytes = (int) Math.round(request.minMemoryMiB() / (1024 * 0.93));
        String memory = GpuRequest.minMemoryMiBFor(gigabytes) == request.minMemoryMiB() ? gigabytes + " GB"
                : request.minMemoryMiB() + " MiB";
        return request.count() + " GPU(s) with at least " + memory;
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }
}
