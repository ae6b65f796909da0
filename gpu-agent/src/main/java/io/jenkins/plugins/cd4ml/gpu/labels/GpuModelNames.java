package io.jenkins.plugins.cd4ml.gpu.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short, label-safe model names and memory sizes as people say them ({@code a100}, {@code 80g}). */
public final class GpuModelNames {
    private static final Set<String> BRANDS = Set.of("nvidia", "tesla", "geforce", "quadro", "graphics", "generation");
    /** Form factor and memory tokens that do not change the model: SXM4, PCIe, HBM3, NVL, 80GB. */
    private static final Pattern FORM_FACTOR = Pattern.compile("sxm\\d*|pcie|hbm\\d*e?|nvl|\\d+gb|mig|smx\\d*|");
    private static final Pattern SIZE_IN_NAME = Pattern.compile("(?i)(\\d+)\\s*GB\\b");
    /** Sizes vendors sell, in GB; a GPU reports a little less (a "16 GB" T4 shows 15360 MiB). */
    private static final int[] MARKETED_GB = {1, 2, 3, 4, 5, 6, 8, 10, 11, 12, 16, 20, 24, 32, 40, 48, 64, 80, 94,
        96, 128, 141, 180, 192, 256, 288};

    private GpuModelNames() {
    }

    /**
     * @param productName e.g. {@code NVIDIA A100-SXM4-80GB}, {@code Tesla T4}, {@code NVIDIA GeForce RTX 4090}
     * @return e.g. {@code a100}, {@code t4}, {@code rtx4090}; only {@code [a-z0-9]}
     */
    public static String shortModel(String productName) {
        List<String> kept = new ArrayList<>();
        for (String token : productName.toLowerCase(Locale.ROOT).split("[\\s_/()-]+")) {
            if (!BRANDS.contains(token) && !FORM_FACTOR.matcher(token).matches()) {
                kept.add(token.replaceAll("[^a-z0-9]", ""));
            }
        }
        String model = String.join("", kept);
        return model.isEmpty() ? "unknown" : model;
    }

    /**
     * The memory size users expect: the size in the product name when it has one, otherwise the
     * smallest marketed size the reported memory rounds up to.
     *
     * @param productName the product or MIG profile name (may contain e.g. {@code 80GB} or {@code 3g.40gb})
     * @param memoryMiB the memory nvidia-smi reports
     * @return gigabytes, e.g. 80 for an A100 80GB (81920 MiB) or 16 for a T4 (15360 MiB)
     */
    public static int marketedGigabytes(String productName, long memoryMiB) {
        Matcher named = SIZE_IN_NAME.matcher(productName);
        if (named.find()) {
            return Integer.parseInt(named.group(1));
        }
        double gib = memoryMiB / 1024.0;
        for (int size : MARKETED_GB) {
            if (size >= gib - 0.5) {
                return size;
            }
        }
        return (int) Math.round(gib);
    }
}
