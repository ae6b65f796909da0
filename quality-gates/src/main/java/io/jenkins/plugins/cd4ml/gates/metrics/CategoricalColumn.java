package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.List;

/**
 * A column read as categories. An empty cell is the category {@value #MISSING}.
 *
 * @param name the column name
 * @param codes the category index of each row
 * @param values the category names, indexed by code
 */
public record CategoricalColumn(String name, int[] codes, List<String> values) {
    /** The category of empty cells. */
    public static final String MISSING = "(missing)";
}
