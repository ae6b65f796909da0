package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.LabelFinder;
import hudson.model.Node;
import hudson.model.labels.LabelAtom;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every agent the GPU labels its machine earns ({@code gpu}, {@code gpu-4}, {@code gpu-a100},
 * {@code gpu-mem-80g}, {@code cuda-12}, {@code mig}, {@code gpu-unhealthy}; see {@code docs/gpu.md}),
 * so Jenkinsfiles can write {@code agent { label 'gpu && gpu-mem-80g' }}.
 *
 * <p>The labels are computed on the agent ({@link ScanGpuLabelsCallable}) when it comes online
 * ({@link GpuLabelRefresher}) and again when a lookup finds them older than
 * {@link GpuLabelCache#DEFAULT_MAX_AGE}. {@link #findLabels} is called by Jenkins whenever it
 * needs a node's labels, so it only reads the cache and schedules scans in the background: it never
 * blocks on an agent and never throws. Agents without an NVIDIA driver get no GPU labels.
 */
@Extension
public class GpuLabelFinder extends LabelFinder {
    private static final Logger LOGGER = Logger.getLogger(GpuLabelFinder.class.getName());

    private final GpuLabelCache cache;
    private final JenkinsFacade jenkins;
    private final ExecutorService scans;

    /** The instance Jenkins creates. */
    public GpuLabelFinder() {
        this(new GpuLabelCache(Clock.systemUTC(), GpuLabelCache.DEFAULT_MAX_AGE), new JenkinsFacade(),
                Executors.newFixedThreadPool(2, runnable -> {
                    Thread thread = new Thread(runnable, "cd4ml GPU label scan");
                    thread.setDaemon(true);
                    return thread;
                }));
    }

    GpuLabelFinder(GpuLabelCache cache, JenkinsFacade jenkins, ExecutorService scans) {
        this.cache = cache;
        this.jenkins = jenkins;
        this.scans = scans;
    }

    @NonNull
    @Override
    public Collection<LabelAtom> findLabels(@NonNull Node node) {
        try {
            String name = node.getNodeName();
            if (cache.isStale(name)) {
                scheduleRefresh(node);
            }
            List<LabelAtom> atoms = new ArrayList<>();
            for (String label : cache.labels(name)) {
                jenkins.getLabelAtom(label).ifPresent(atoms::add);
            }
            return atoms;
        } catch (RuntimeException e) {
            // a label finder that throws breaks label computation for the whole node
            LOGGER.log(Level.FINE, "GPU labels unavailable", e);
            return List.of();
        }
    }

    /**
     * Scans the node's GPUs in the background (unless a scan is already running) and, when its
     * labels changed, lets Jenkins recompute the node's labels.
     *
     * @param node an agent, online or not (offline agents are skipped)
     */
    public void scheduleRefresh(@NonNull Node node) {
        String name = node.getNodeName();
        if (!cache.beginScan(name)) {
            return;
        }
        try {
            scans.execute(() -> refresh(node));
        } catch (RuntimeException e) {
            cache.scanFailed(name);
            LOGGER.log(Level.FINE, "could not schedule a GPU scan of " + name, e);
        }
    }

    /**
     * Scans now (blocking) and stores the result. Call only from a background thread.
     *
     * @param node the agent
     */
    void refresh(Node node) {
        String name = node.getNodeName();
        try {
            Optional<FilePath> root = Optional.ofNullable(node.getRootPath());
            if (root.isEmpty()) {
                cache.scanFailed(name); // offline: try again on the next lookup after the maximum age
                return;
            }
            if (cache.store(name, root.get().act(new ScanGpuLabelsCallable()))) {
                jenkins.updateNode(node);
            }
        } catch (InterruptedException e) {
            cache.scanFailed(name);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            cache.scanFailed(name);
            LOGGER.log(Level.WARNING, "GPU scan of agent '" + name + "' failed; its GPU labels are unchanged", e);
        }
    }

    /** @return the cache (for tests and the refresher) */
    GpuLabelCache cache() {
        return cache;
    }
}
