package io.jenkins.plugins.cd4ml.gpu.discovery;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of {@code nvidia-smi --query-gpu=FIELDS --format=csv,noheader,nounits}: one line
 * per GPU, values separated by {@code ", "}, in the order of the requested fields.
 */
public final class QueryGpuCsv {
    /** Fields discovery asks for. */
    public static final List<String> DISCOVERY_FIELDS = List.of("index", "uuid", "name", "memory.total",
            "driver_version", "pci.bus_id", "compute_cap");

    private final List<String> fields;

    /** @param fields the fields in the order they were requested */
    public QueryGpuCsv(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    /** @return the {@code --query-gpu=…} argument for these fields */
    public String queryArgument() {
        return "--query-gpu=" + String.join(",", fields);
    }

    /** @return the {@code --format=…} argument */
    public static String formatArgument() {
        return "--format=csv,noheader,nounits";
    }

    /**
     * @param csv the command's output
     * @return one map per GPU line, field → raw value (N/A values are kept as printed)
     * @throws InvalidInputException if a line has the wrong number of values
     */
    public List<Map<String, String>> parse(String csv) throws InvalidInputException {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = csv.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            if (values.length != fields.size()) {
                throw new InvalidInputException(new SourceLocation("nvidia-smi " + queryArgument(), i + 1, 0),
                        "expected " + fields.size() + " comma-separated values (" + String.join(",", fields)
                                + ") but found " + values.length);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < values.length; f++) {
                row.put(fields.get(f), values[f].strip());
            }
            rows.add(row);
        }
        return rows;
    }
}
