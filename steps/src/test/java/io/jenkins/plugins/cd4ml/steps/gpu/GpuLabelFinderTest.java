package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Node;
import hudson.model.labels.LabelAtom;
import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.health.HealthPolicy;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuLabelFinderTest {
    private final List<String> atomsAsked = new ArrayList<>();
    private final List<String> nodesUpdated = new ArrayList<>();
    private final JenkinsFacade jenkins = new JenkinsFacade() {
        @Override
        public Optional<LabelAtom> getLabelAtom(String name) {
            atomsAsked.add(name);
            return Optional.empty(); // LabelAtom needs a running Jenkins
        }

        @Override
        public boolean updateNode(Node node) {
            nodesUpdated.add(node.getNodeName());
            return true;
        }
    };
    private final ExecutorService scans = Executors.newSingleThreadExecutor();
    private final GpuLabelCache cache = new GpuLabelCache(Clock.systemUTC(), Duration.ofMinutes(15));
    private final GpuLabelFinder finder = new GpuLabelFinder(cache, jenkins, scans);

    @AfterEach
    void stopScans() {
        scans.shutdownNow();
    }

    @Test
    void isAnExtension() {
        assertThat(GpuLabelFinder.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(GpuLabelRefresher.class.isAnnotationPresent(Extension.class)).isTrue();
    }

    @Test
    void servesCachedLabelsWithoutScanning() {
        cache.store("gpu-box", List.of("cuda-12", "gpu", "gpu-1", "gpu-t4"));

        assertThat(finder.findLabels(new TestNode("gpu-box", null))).isEmpty();

        assertThat(atomsAsked).containsExactly("cuda-12", "gpu", "gpu-1", "gpu-t4");
        assertThat(cache.beginScan("gpu-box")).as("no scan was started").isTrue();
    }

    @Test
    void anUnscannedNodeGetsNoLabelsNowAndIsScannedInTheBackground() throws Exception {
        TestNode node = new TestNode("new-agent", null);

        assertThat(finder.findLabels(node)).isEmpty();
        scans.shutdown();
        assertThat(scans.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        // the node went offline before the scan: no labels, no exception, retried after the maximum age
        assertThat(cache.labels("new-agent")).isEmpty();
        assertThat(cache.isStale("new-agent")).isFalse();
        assertThat(nodesUpdated).isEmpty();
    }

    @Test
    void anOfflineNodeIsNotScannedAndKeepsItsLabels() throws Exception {
        cache.store("offline", List.of("gpu"));
        finder.refresh(new TestNode("offline", null));

        assertThat(cache.labels("offline")).containsExactly("gpu");
        assertThat(nodesUpdated).isEmpty();
    }

    @Test
    void neverThrows() {
        TestNode broken = new TestNode("broken", null) {
            @Override
            public String getNodeName() {
                throw new IllegalStateException("node is being removed");
            }
        };

        assertThat(finder.findLabels(broken)).isEmpty();
    }

    @Test
    void theAgentCallableReturnsTheLabelsOfTheMachineItRunsOn(@TempDir File root) throws Exception {
        List<String> labels = new ScanGpuLabelsCallable().invoke(root, null);

        assertThat(labels).isEqualTo(GpuNodeReport.scanThisMachine(HealthPolicy.defaults()).labels());
    }

    /** A node without Jenkins. */
    static class TestNode extends Node {
        private final String name;
        private final FilePath root;

        TestNode(String name, FilePath root) {
            this.name = name;
            this.root = root;
        }

        @Override
        public String getNodeName() {
            return name;
        }

        @Override
        public String getLabelString() {
            return "";
        }

        @Override
        public FilePath getRootPath() {
            return root;
        }
    }
}
