package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One row of any report section in the shared {@code CheckOutcome} shape (group, name, status,
 * severity, observed, threshold, detail), plus sample offending rows where the report has them.
 * Values are exactly as recorded: the views escape them.
 */
public final class CheckRow {
    private final String group;
    private final String name;
    private final Status status;
    private final String severity;
    private final String observed;
    private final String threshold;
    private final String detail;
    private final List<SampleRow> samples;

    CheckRow(String group, String name, Status status, String severity, String observed, String threshold,
            String detail, List<SampleRow> samples) {
        this.group = group;
        this.name = name;
        this.status = status;
        this.severity = severity;
        this.observed = observed;
        this.threshold = threshold;
        this.detail = detail;
        this.samples = List.copyOf(samples);
    }

    /**
     * Reads a row written by any engine: expectation results, drift checks, gate results or a
     * serialised {@code CheckOutcome}.
     *
     * @param group the group to use when the row does not name one
     * @param node the row's JSON
     * @return the row
     */
    static CheckRow of(String group, JsonNode node) {
        String name = JsonText.text(node, "name", "gate", "check");
        if (name.isEmpty()) {
            String column = JsonText.text(node, "column", "feature");
            String metric = JsonText.text(node, "metric");
            name = metric.isEmpty() ? column : column + ": " + metric;
        }
        String observed = JsonText.text(node, "observed", "value", "candidate");
        String detail = JsonText.text(node, "detail", "message", "problem");
        List<SampleRow> samples = JsonText.array(node, "samples").stream().map(SampleRow::of).toList();
        String rowGroup = JsonText.text(node, "group");
        return new CheckRow(rowGroup.isEmpty() ? group : rowGroup, name,
                Status.parse(JsonText.text(node, "status")), JsonText.text(node, "severity"),
                observed, JsonText.text(node, "threshold"), detail, samples);
    }

    public String getGroup() {
        return group;
    }

    public String getName() {
        return name;
    }

    public Status getStatus() {
        return status;
    }

    public String getSeverity() {
        return severity;
    }

    public String getObserved() {
        return observed;
    }

    public String getThreshold() {
        return threshold;
    }

    public String getDetail() {
        return detail;
    }

    /** @return the first offending rows (data validation), empty otherwise */
    public List<SampleRow> getSamples() {
        return samples;
    }

    /**
     * A sample offending row of a dataset.
     */
    public static final class SampleRow {
        private final String row;
        private final String line;
        private final String value;

        SampleRow(String row, String line, String value) {
            this.row = row;
            this.line = line;
            this.value = value;
        }

        static SampleRow of(JsonNode node) {
            JsonNode value = node.get("value");
            return new SampleRow(JsonText.text(node, "row"), JsonText.text(node, "line"),
                    value == null || value.isNull() ? "(null)" : JsonText.text(node, "value"));
        }

        public String getRow() {
            return row;
        }

        public String getLine() {
            return line;
        }

        /** @return the offending value, {@code (null)} for a missing one */
        public String getValue() {
            return value;
        }
    }
}
