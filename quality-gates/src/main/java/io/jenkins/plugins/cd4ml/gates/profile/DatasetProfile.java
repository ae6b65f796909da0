package io.jenkins.plugins.cd4ml.gates.profile;

import java.util.List;

/**
 * A profile of a dataset, written by {@code cd4ml profile} so drift can be checked against a large
 * baseline without reading it again.
 *
 * @param source the profiled file
 * @param rows the number of rows
 * @param columns one profile per column, in file order
 */
public record DatasetProfile(String source, long rows, List<ColumnProfile> columns) {
    /** The version of the profile format (independent of the report schema version). */
    public static final int FORMAT_VERSION = 1;

    public DatasetProfile {
        columns = List.copyOf(columns);
    }

    /**
     * @param name a column
     * @return its profile, or {@code null}
     */
    public ColumnProfile column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
    }
}
