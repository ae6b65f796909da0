package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.io.Serializable;

/**
 * Memory error state of one GPU as {@code nvidia-smi -q -x} reports it. Counts are {@code null}
 * where the GPU does not support ECC or the driver does not report them.
 *
 * @param enabled whether ECC is currently enabled
 * @param volatileUncorrectable uncorrectable errors since the last driver load
 * @param aggregateUncorrectable uncorrectable errors over the GPU's lifetime
 * @param retiredPagesPending whether a page retirement waits for a reset (pre-Ampere GPUs)
 * @param remappedRowsPending whether a row remapping waits for a reset (Ampere and later)
 * @param remappedRowsFailure whether row remapping failed (the GPU needs service)
 */
public record EccState(boolean enabled, Long volatileUncorrectable, Long aggregateUncorrectable,
        boolean retiredPagesPending, boolean remappedRowsPending, boolean remappedRowsFailure)
        implements Serializable {
    /** @return the state of a GPU without ECC reporting */
    public static EccState unsupported() {
        return new EccState(false, null, null, false, false, false);
    }
}
