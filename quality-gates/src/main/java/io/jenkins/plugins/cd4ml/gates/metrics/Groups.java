package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows partitioned by the values of one or more sensitive columns (the intersection of several
 * columns is one group per combination present). A combination is named by its values joined by
 * {@code |} in column order, e.g. {@code F|young}.
 *
 * @param columns the sensitive columns
 * @param groupOfRow the group index of each row
 * @param names the group names, indexed by group
 */
public record Groups(List<String> columns, int[] groupOfRow, List<String> names) {
    /** Separator of the values in the name of an intersectional group. */
    public static final String SEPARATOR = "|";

    /**
     * Intersects categorical columns.
     *
     * @param columns the column names
     * @param codes for each column, the code of each row's value
     * @param dictionaries for each column, the value of each code
     * @return the groups
     */
    public static Groups intersect(List<String> columns, List<int[]> codes, List<List<String>> dictionaries) {
        if (codes.size() == 1) {
            return new Groups(List.copyOf(columns), codes.get(0), List.copyOf(dictionaries.get(0)));
        }
        int rows = codes.get(0).length;
        int[] groupOfRow = new int[rows];
        List<String> names = new ArrayList<>();
        // mixed-radix key of the value codes: one table lookup per row, no boxing
        long combinations = 1;
        for (List<String> dictionary : dictionaries) {
            combinations = Math.multiplyExact(combinations, Math.max(1, dictionary.size()));
        }
        int[] table = combinations <= 1 << 24 ? new int[(int) combinations] : null;
        Map<Long, Integer> sparse = table == null ? new HashMap<>() : null;
        if (table != null) {
            Arrays.fill(table, -1);
        }
        for (int row = 0; row < rows; row++) {
            long key = 0;
            for (int c = 0; c < codes.size(); c++) {
                key = key * Math.max(1, dictionaries.get(c).size()) + codes.get(c)[row];
            }
            int group = table != null ? table[(int) key] : sparse.getOrDefault(key, -1);
            if (group < 0) {
                group = names.size();
                if (table != null) {
                    table[(int) key] = group;
                } else {
                    sparse.put(key, group);
                }
                StringBuilder name = new StringBuilder();
                for (int c = 0; c < codes.size(); c++) {
                    name.append(c == 0 ? "" : SEPARATOR).append(dictionaries.get(c).get(codes.get(c)[row]));
                }
                names.add(name.toString());
            }
            groupOfRow[row] = group;
        }
        return new Groups(List.copyOf(columns), groupOfRow, List.copyOf(names));
    }

    /** @return the number of groups */
    public int count() {
        return names.size();
    }

    /** @return the sensitive columns joined by commas, as reports name them */
    public String label() {
        return String.join(",", columns);
    }
}
