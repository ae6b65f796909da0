package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs {@code cd4ml drift} and {@code cd4ml profile} end to end on the shared reference vectors. */
class DriftCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path temp;

    private int run(String... args) {
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static Path vector(String name, String file) throws URISyntaxException {
        return Path.of(DriftCommandTest.class.getResource("/drift/" + name + "/" + file).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed-drift", "no-drift"})
    void jsonReportCarriesEveryExpectedValueAtColumnsNameMetric(String name) throws Exception {
        int exit = run("drift", "--baseline", vector(name, "baseline.csv").toString(),
                "--current", vector(name, "current.csv").toString(), "--format", "json");

        JsonNode report = Json.mapper().readTree(out.toString());
        JsonNode expected = Json.mapper().readTree(vector(name, "expected.json").toFile()).get("columns");
        assertThat(report.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(exit).isEqualTo(verdictExitCode(report.get("verdict").asText()));
        SoftAssertions softly = new SoftAssertions();
        List<String> columns = new ArrayList<>();
        expected.fieldNames().forEachRemaining(columns::add);
        for (String column : columns) {
            List<String> keys = new ArrayList<>();
            expected.get(column).fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode got = report.at("/columns/" + column + "/" + key);
                double want = expected.get(column).get(key).asDouble();
                softly.assertThat(got.isNumber()).as(column + "/" + key + " present").isTrue();
                boolean pValue = key.contains("pvalue");
                double tolerance = pValue ? 1e-6 : 1e-9;
                boolean agrees = pValue && got.asDouble() < 1e-300 && want < 1e-300
                        || Math.abs(got.asDouble() - want) <= tolerance * Math.abs(want);
                softly.assertThat(agrees).as("%s/%s: got %s, expected %s", column, key, got, want).isTrue();
            }
        }
        softly.assertThat(report.get("checks").isArray()).isTrue();
        softly.assertAll();
    }

    private static int verdictExitCode(String verdict) {
        return switch (verdict) {
            case "PASSED" -> 0;
            case "FAILED" -> 1;
            case "UNSTABLE" -> 4;
            default -> 3;
        };
    }

    @Test
    void verdictFollowsTheConfiguredChecks() throws Exception {
        Path config = temp.resolve("drift.yaml");
        Files.writeString(config, """
                drift:
                  columns: [num_same, cat_same]
                  defaults:
                    - {metric: psi, threshold: 0.2, severity: failure}
                  checks:
                    cat_same:
                      - {metric: chi2_pvalue, threshold: 0.01, severity: warning}
                """);
        String baseline = vector("mixed-drift", "baseline.csv").toString();
        String current = vector("mixed-drift", "current.csv").toString();
        assertThat(run("drift", "--baseline", baseline, "--current", current, "--config", config.toString()))
                .isEqualTo(ExitCodes.PASSED);
        assertThat(out.toString()).contains("Verdict: PASSED");

        assertThat(run("drift", "--baseline", baseline, "--current", current, "--columns", "num_normal",
                "--threshold", "ks_statistic=0.1:warning")).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(run("drift", "--baseline", baseline, "--current", current, "--columns", "num_normal",
                "--threshold", "ks_statistic=0.1")).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void badInputIsAnErrorWithoutVerdict() throws Exception {
        Path broken = temp.resolve("broken.csv");
        Files.writeString(broken, "a,b\n1,2\n3\n");
        String baseline = vector("mixed-drift", "baseline.csv").toString();
        assertThat(run("drift", "--baseline", baseline, "--current", broken.toString(), "--format", "json"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("broken.csv:3");
        assertThat(out.toString()).doesNotContain("verdict");

        assertThat(run("drift", "--baseline", baseline, "--current", baseline, "--columns", "nope"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("nope");

        assertThat(run("drift", "--baseline", baseline, "--current", baseline, "--threshold", "bogus=1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("drift", "--baseline", baseline)).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void profileBaselineGivesCloseValuesAndSageMakerFilesRoundTrip() throws Exception {
        Path profile = temp.resolve("profile.json");
        Path sagemaker = temp.resolve("sm");
        String baseline = vector("mixed-drift", "baseline.csv").toString();
        String current = vector("mixed-drift", "current.csv").toString();
        assertThat(run("profile", "--data", baseline, "--output", profile.toString(),
                "--sagemaker-dir", sagemaker.toString())).isEqualTo(ExitCodes.PASSED);
        assertThat(Json.mapper().readTree(profile.toFile()).get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(sagemaker.resolve("statistics.json")).exists();
        assertThat(sagemaker.resolve("constraints.json")).exists();

        JsonNode exact = Json.mapper().readTree(vector("mixed-drift", "expected.json").toFile()).get("columns");
        for (Path base : List.of(profile, sagemaker.resolve("statistics.json"))) {
            out.getBuffer().setLength(0);
            run("drift", "--baseline", base.toString(), "--current", current, "--format", "json");
            JsonNode report = Json.mapper().readTree(out.toString());
            // categorical counts are kept exactly in a profile
            assertThat(report.at("/columns/cat_country/chi2_statistic").asDouble())
                    .isCloseTo(exact.at("/cat_country/chi2_statistic").asDouble(), org.assertj.core.data.Percentage.withPercentage(1e-7));
            // numeric metrics come from a KLL sketch: close, not exact
            assertThat(report.at("/columns/num_normal/ks_statistic").asDouble())
                    .isCloseTo(exact.at("/num_normal/ks_statistic").asDouble(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(report.at("/columns/num_normal/wasserstein").asDouble())
                    .isCloseTo(exact.at("/num_normal/wasserstein").asDouble(), org.assertj.core.data.Percentage.withPercentage(2));
            assertThat(report.at("/columns/num_normal/exact").asBoolean()).isFalse();
        }

        out.getBuffer().setLength(0);
        assertThat(run("drift", "--baseline", sagemaker.resolve("statistics.json").toString(), "--current", current,
                "--constraints", sagemaker.resolve("constraints.json").toString(), "--format", "json"))
                .isEqualTo(ExitCodes.FAILED);
        JsonNode report = Json.mapper().readTree(out.toString());
        List<String> metrics = new ArrayList<>();
        report.get("checks").forEach(check -> metrics.add(check.get("metric").asText()));
        assertThat(metrics).contains("ks_statistic", "linf").doesNotContain("psi");
    }
}
