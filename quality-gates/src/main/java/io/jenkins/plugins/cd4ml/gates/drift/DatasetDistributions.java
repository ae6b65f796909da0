package io.jenkins.plugins.cd4ml.gates.drift;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-column distributions of one dataset (a data file or a profile).
 *
 * @param source where the data came from, for reports
 * @param rows the number of rows
 * @param columns every column of the dataset, in file order (also those not collected)
 * @param distributions the collected columns by name
 */
public record DatasetDistributions(String source, long rows, List<String> columns,
        Map<String, ColumnDistribution> distributions) implements Serializable {
    public DatasetDistributions {
        columns = List.copyOf(columns);
        distributions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    /**
     * @param name a column name
     * @return the column's distribution, or {@code null} when not collected
     */
    public ColumnDistribution column(String name) {
        return distributions.get(name);
    }
}
