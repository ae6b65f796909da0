package io.jenkins.plugins.cd4ml.gates.metrics;

import java.io.Serializable;

/**
 * The sufficient statistics of one model on one (possibly weighted, possibly sliced) set of rows,
 * from which every {@link Metric} of its task is a pure function.
 */
public sealed interface MetricSummary extends Serializable permits BinarySummary, MulticlassSummary, RegressionSummary {
    /** @return the number (or total weight) of rows summarized */
    long rows();

    /** @return the number (or weight) of rows of each group, or an empty array without groups */
    long[] groupSizes();
}
