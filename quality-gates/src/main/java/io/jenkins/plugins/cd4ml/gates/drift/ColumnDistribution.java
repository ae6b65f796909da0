package io.jenkins.plugins.cd4ml.gates.drift;

import java.io.Serializable;
import java.util.Map;

/**
 * What drift needs to know about one column of one dataset: how many values and nulls it has, and
 * either its numeric distribution or its category counts. Built from a data file (exact) or from a
 * profile (numeric quantiles from a sketch).
 */
public sealed interface ColumnDistribution extends Serializable
        permits ColumnDistribution.Numeric, ColumnDistribution.Categorical {

    /** @return the column name */
    String name();

    /** @return the number of non-null values */
    long count();

    /** @return the number of nulls (empty cells) */
    long nulls();

    /** @return how the column is compared */
    ColumnKind kind();

    /** @return whether every metric computed from this side is exact (not from a sketch or a truncated count) */
    boolean exact();

    /**
     * A numeric column.
     *
     * @param name the column name
     * @param nulls the number of nulls
     * @param values the distribution of the non-null values
     * @param stdDev the sample standard deviation (ddof 1) of the non-null values
     * @param valueCounts the count per distinct value as written, when known and small (a profile
     *     keeps it for low-cardinality columns so a column that turned categorical can still be
     *     compared); {@code null} otherwise
     */
    record Numeric(String name, long nulls, EmpiricalDistribution values, double stdDev,
            Map<String, Long> valueCounts) implements ColumnDistribution {
        public Numeric {
            valueCounts = valueCounts == null ? null : Map.copyOf(valueCounts);
        }

        @Override
        public long count() {
            return values.count();
        }

        @Override
        public ColumnKind kind() {
            return ColumnKind.NUMERIC;
        }

        @Override
        public boolean exact() {
            return values.isExact();
        }
    }

    /**
     * A categorical column.
     *
     * @param name the column name
     * @param nulls the number of nulls
     * @param count the number of non-null values
     * @param counts the count per category
     * @param complete whether {@code counts} covers every value; {@code false} when the column had
     *     more distinct values than cd4ml keeps (then categorical drift is not computed)
     */
    record Categorical(String name, long nulls, long count, Map<String, Long> counts, boolean complete)
            implements ColumnDistribution {
        public Categorical {
            counts = Map.copyOf(counts);
        }

        @Override
        public ColumnKind kind() {
            return ColumnKind.CATEGORICAL;
        }

        @Override
        public boolean exact() {
            return complete;
        }
    }
}
