package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MIG device UUIDs and profiles from {@code nvidia-smi -L}; the XML report carries neither.
 * <pre>
 * GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-…)
 *   MIG 3g.40gb     Device  0: (UUID: MIG-…)
 * </pre>
 */
public final class NvidiaSmiListParser {
    private static final Pattern GPU_LINE = Pattern.compile("^GPU\\s+(\\d+):.*\\(UUID:\\s*(GPU-[^)\\s]+)\\)");
    private static final Pattern MIG_LINE =
            Pattern.compile("^\\s+MIG\\s+(\\S+)\\s+Device\\s+(\\d+):\\s*\\(UUID:\\s*(MIG-[^)\\s]+)\\)");

    /**
     * One MIG line.
     *
     * @param gpuIndex the physical GPU's index
     * @param deviceIndex the MIG device index
     * @param profile the profile, e.g. {@code 3g.40gb}
     * @param uuid the MIG UUID
     */
    public record MigListing(int gpuIndex, int deviceIndex, String profile, String uuid) {
    }

    /**
     * @param output the output of {@code nvidia-smi -L}
     * @return every MIG device listed, in order
     */
    public List<MigListing> parse(String output) {
        List<MigListing> result = new ArrayList<>();
        int gpu = -1;
        for (String line : output.split("\\R")) {
            Matcher gpuMatch = GPU_LINE.matcher(line);
            if (gpuMatch.find()) {
                gpu = Integer.parseInt(gpuMatch.group(1));
                continue;
            }
            Matcher mig = MIG_LINE.matcher(line);
            if (mig.find() && gpu >= 0) {
                result.add(new MigListing(gpu, Integer.parseInt(mig.group(2)), mig.group(1), mig.group(3)));
            }
        }
        return result;
    }
}
