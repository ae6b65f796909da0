package io.jenkins.plugins.cd4ml.gates.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnDistribution;
import io.jenkins.plugins.cd4ml.gates.drift.DatasetDistributions;
import io.jenkins.plugins.cd4ml.gates.profile.ColumnProfile;
import io.jenkins.plugins.cd4ml.gates.profile.DatasetProfile;
import io.jenkins.plugins.cd4ml.gates.profile.ProfileJson;
import io.jenkins.plugins.cd4ml.gates.profile.SageMakerStatistics;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A drift baseline: a data file (read in full, exact metrics), a cd4ml profile, or a SageMaker
 * {@code statistics.json} (both summaries: numeric metrics from a quantile sketch, approximate).
 * A file whose name ends in {@code .json} is a summary; anything else is data.
 *
 * @param path the baseline file
 * @param profile the summary, or {@code null} for a data file
 */
public record Baseline(Path path, DatasetProfile profile) {
    /**
     * @param path a data file, a cd4ml profile or a SageMaker statistics.json
     * @return the baseline
     * @throws InvalidInputException when a summary file is malformed
     */
    public static Baseline load(Path path) throws InvalidInputException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".json")) {
            return new Baseline(path, null);
        }
        return new Baseline(path, readProfile(path));
    }

    /** @return whether this baseline is a summary (profile or statistics.json) rather than data */
    public boolean isSummary() {
        return profile != null;
    }

    /**
     * Reads a cd4ml profile or a SageMaker statistics.json.
     *
     * @param path the file
     * @return the profile
     * @throws InvalidInputException when the file is missing, malformed or neither format
     */
    public static DatasetProfile readProfile(Path path) throws InvalidInputException {
        String source = path.toString();
        JsonNode root = Json.readUserFile(path, source);
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(SourceLocation.ofFile(source),
                    "expected a JSON object (a cd4ml profile or a SageMaker statistics.json)");
        }
        if (root.has("kind")) {
            return ProfileJson.read(source, root);
        }
        if (root.has("features")) {
            return SageMakerStatistics.read(source, root);
        }
        throw new InvalidInputException(SourceLocation.ofFile(source),
                "neither a cd4ml profile (\"kind\": \"" + ProfileJson.KIND + "\") nor a SageMaker statistics.json"
                        + " (\"features\": [...])");
    }

    /**
     * The distributions drift compares, from a summary: numeric columns as their sketch (with the
     * exact standard deviation), string columns as their value counts.
     *
     * @param profile a profile
     * @return the distributions of every column that has values
     */
    public static DatasetDistributions distributionsOf(DatasetProfile profile) {
        List<String> names = new ArrayList<>();
        Map<String, ColumnDistribution> columns = new LinkedHashMap<>();
        for (ColumnProfile column : profile.columns()) {
            names.add(column.name());
            ColumnProfile.Frequencies frequencies = column.frequencies();
            if (column.numeric() != null) {
                Map<String, Long> valueCounts = frequencies != null && frequencies.complete()
                        ? frequencies.counts() : null;
                columns.put(column.name(), new ColumnDistribution.Numeric(column.name(), column.nulls(),
                        column.numeric().sketch().toDistribution(), column.numeric().stdDev(), valueCounts));
            } else {
                Map<String, Long> counts = frequencies == null ? Map.of() : new HashMap<>(frequencies.counts());
                boolean complete = frequencies == null ? column.count() == 0 : frequencies.complete();
                columns.put(column.name(), new ColumnDistribution.Categorical(column.name(), column.nulls(),
                        column.count(), counts, complete));
            }
        }
        return new DatasetDistributions(profile.source(), profile.rows(), names, columns);
    }
}
