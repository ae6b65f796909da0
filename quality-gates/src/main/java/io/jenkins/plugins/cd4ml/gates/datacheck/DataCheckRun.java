package io.jenkins.plugins.cd4ml.gates.datacheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.gates.baseline.Baseline;
import io.jenkins.plugins.cd4ml.gates.baseline.DriftEngine;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfig;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfigParser;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReport;
import io.jenkins.plugins.cd4ml.gates.expectations.DataValidator;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationOptions;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationReport;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place where a data check is put together, for {@code cd4ml validate} and the
 * {@code validateData} step alike: validate the dataset against the expectations and, when a
 * baseline is given, compare it with the baseline (drift settings from the expectations file's
 * {@code drift:} section, or the defaults), then combine the verdicts.
 *
 * <pre>{@code
 * DataCheckReport report = DataCheckRun.run(data, expectations, baseline, ValidationOptions.defaults());
 * }</pre>
 *
 * Never throws for bad input: anything unreadable (data, expectations, drift section, baseline)
 * gives verdict {@code ERROR} with a located message, never a pass or a fail.
 */
public final class DataCheckRun {
    private DataCheckRun() {
    }

    /**
     * @param dataset the data file (CSV, TSV, JSON Lines, optionally {@code .gz})
     * @param expectations the expectations file (YAML or JSON), optionally with a {@code drift:} section
     * @param baseline a baseline data file, cd4ml profile or SageMaker statistics.json; {@code null}
     *     for no drift check
     * @param options samples, delimiter, threads
     * @return the report
     */
    public static DataCheckReport run(Path dataset, Path expectations, Path baseline, ValidationOptions options) {
        ValidationReport validation = DataValidator.validate(dataset, expectations, options);
        if (validation.isError() || baseline == null) {
            return DataCheckReport.of(validation, null);
        }
        try {
            DriftConfig config = driftConfig(expectations);
            DriftReport drift = DriftEngine.compare(Baseline.load(baseline), dataset, config);
            return DataCheckReport.of(validation, drift);
        } catch (InvalidInputException e) {
            return DataCheckReport.of(ValidationReport.error(validation.dataset(), validation.expectations(), e),
                    null);
        }
    }

    /**
     * Reads drift settings from a standalone drift configuration or from the {@code drift:}
     * section of an expectations file.
     *
     * @param file a drift configuration or an expectations file (YAML or JSON)
     * @return its drift settings; {@link DriftConfig#defaults()} for an expectations file without
     *     a {@code drift:} section
     * @throws InvalidInputException if the file or its drift settings are malformed
     */
    public static DriftConfig driftConfig(Path file) throws InvalidInputException {
        String source = file.toString();
        JsonNode document;
        try {
            document = Json.yaml().readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "file not found");
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new InvalidInputException(new SourceLocation(source, line, column),
                    "malformed YAML/JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "cannot be read: " + e.getMessage(), e);
        }
        if (document != null && document.isObject() && document.has("expectations") && !document.has("drift")) {
            return DriftConfig.defaults();
        }
        return DriftConfigParser.parse(source, document);
    }
}
