package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class MlReportTest {
    @Test
    void readsADataValidationReportAsExpectationRowsWithSamples() {
        ReportSection section = Fixtures.section("validateData:train", "validation.json");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(section.getKind()).isEqualTo("data-validation");
        softly.assertThat(section.getTitle()).isEqualTo("Data validation: train");
        softly.assertThat(section.getVerdict()).isEqualTo(Status.UNSTABLE);
        softly.assertThat(section.getFacts()).extracting(Fact::getLabel, Fact::getValue)
                .contains(tuple("dataset", "data/train.csv"), tuple("rows", "400"));
        softly.assertThat(section.getChecks()).extracting(CheckRow::getName, CheckRow::getStatus, CheckRow::getSeverity,
                        CheckRow::getObserved, CheckRow::getThreshold)
                .containsExactly(
                        tuple("age: not_null", Status.PASSED, "FAILURE", "0 unexpected of 400 values (0%)", "no nulls"),
                        tuple("debt_ratio: high-debt share", Status.UNSTABLE, "WARNING",
                                "17 unexpected of 400 values (4.25%)", "values in [-inf, 0.6] for at least 97% of values"));
        softly.assertThat(section.getChecks().get(1).getSamples())
                .extracting(CheckRow.SampleRow::getRow, CheckRow.SampleRow::getLine, CheckRow.SampleRow::getValue)
                .containsExactly(tuple("1", "2", "0.679"), tuple("9", "10", "(null)"));
        softly.assertThat(section.isShowChecks()).isTrue();
        softly.assertThat(section.getError()).isEmpty();
        softly.assertAll();
    }

    @Test
    void readsDriftWithEveryMetricNamedPerColumnAndTheChecks() {
        ReportSection section = Fixtures.section("detectDrift:today", "drift.json");

        assertThat(section.isDriftSection()).isTrue();
        assertThat(section.getVerdict()).isEqualTo(Status.FAILED);
        assertThat(section.getChecks()).extracting(CheckRow::getName, CheckRow::getStatus, CheckRow::getObserved,
                        CheckRow::getThreshold, CheckRow::getDetail)
                .containsExactly(tuple("income: psi", Status.FAILED, "0.456", "0.2", "psi = 0.4564, beyond 0.2"),
                        tuple("country: jensen_shannon", Status.PASSED, "0.292", "0.3", "jensen_shannon = 0.292"));
        assertThat(section.getDriftColumns()).extracting(DriftColumn::getColumn, DriftColumn::isExact,
                        DriftColumn::getProblem)
                .containsExactly(tuple("income", false, ""), tuple("country", true, ""),
                        tuple("zip", true, "column missing in current data"));
        assertThat(section.getDriftColumns().get(0).getMetrics()).extracting(Fact::getLabel)
                .containsExactly("psi", "jensen_shannon", "ks_statistic", "ks_pvalue_kolmogorov", "wasserstein",
                        "wasserstein_normed");
        assertThat(section.getDriftColumns().get(0).value("psi")).hasValue(0.456);
        assertThat(section.getFacts()).extracting(Fact::getLabel, Fact::getValue)
                .contains(tuple("baseline.source", "train.csv"), tuple("current.rows", "4500"));
    }

    @Test
    void readsGatesWithDeltasIntervalsAndTheStatusesThatAreNotAPass() {
        ReportSection section = Fixtures.section("qualityGate:release", "gate.json");

        assertThat(section.isGateSection()).isTrue();
        assertThat(section.isShowChecks()).isFalse();
        assertThat(section.getGates()).extracting(GateRow::getName, GateRow::getMetric, GateRow::getCandidate,
                        GateRow::getBaseline, GateRow::getDelta, GateRow::getInterval, GateRow::getStatus)
                .containsExactly(
                        tuple("accuracy not worse", "accuracy", "0.912", "0.905", "+0.007", "[-0.004, 0.018]", Status.PASSED),
                        // delta computed from candidate and baseline when the report leaves it out
                        tuple("auc", "auc", "0.88", "0.9", "-0.02", "[-0.035, -0.005]", Status.INCONCLUSIVE),
                        tuple("recall first release", "recall", "0.7", "no baseline", "", "", Status.NO_BASELINE));
        assertThat(section.getGates().get(2).getCiBar()).isNull();
        assertThat(section.count(Status.NO_BASELINE)).isEqualTo(1);
        assertThat(Status.NO_BASELINE.getLabel()).isEqualTo("NO BASELINE");
    }

    @Test
    void drawsTheIntervalAroundZeroScaledToItsLargestEnd() {
        GateRow.CiBar straddling = Fixtures.section("q", "gate.json").getGates().get(0).getCiBar();
        // span = 0.018: zero at 50 %, +0.018 at 95 %, -0.004 at 50 - 45 * 0.004 / 0.018
        assertThat(straddling.getHighPercent()).isEqualTo(95.0);
        assertThat(straddling.getLowPercent()).isCloseTo(50 - 45 * 0.004 / 0.018, org.assertj.core.data.Offset.offset(0.01));
        assertThat(straddling.getDeltaPercent()).isCloseTo(50 + 45 * 0.007 / 0.018, org.assertj.core.data.Offset.offset(0.01));
        assertThat(straddling.isBelowZero()).isFalse();

        GateRow.CiBar below = Fixtures.section("q", "gate.json").getGates().get(1).getCiBar();
        assertThat(below.getLowPercent()).isEqualTo(5.0);
        assertThat(below.isBelowZero()).isTrue();
        assertThat(below.getWidthPercent()).isCloseTo(45 * 0.030 / 0.035, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void buildsTheFairnessMatrixWithRecordedOrComputedGaps() {
        FairnessMatrix matrix = Fixtures.section("qualityGate:release", "gate.json").getFairness().get(0);

        assertThat(matrix.getAttribute()).isEqualTo("sex");
        assertThat(matrix.getMetrics()).containsExactly("tpr", "fpr");
        assertThat(matrix.getRows()).extracting(FairnessMatrix.Row::getGroup, FairnessMatrix.Row::getCells)
                .containsExactly(tuple("female", java.util.List.of("0.81", "0.12")),
                        tuple("male", java.util.List.of("0.86", "0.1")));
        // tpr: computed, largest minus smallest; fpr: as recorded
        assertThat(matrix.gaps().get("tpr")).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(matrix.getGapCells()).containsExactly("0.05", "0.02");
    }

    @Test
    void readsModelLineageDeploymentTimelineAndGpuUsage() {
        ReportSection model = Fixtures.section("registerModel", "model.json");
        assertThat(model.getTitle()).isEqualTo("Registered model");
        assertThat(model.getFacts()).extracting(Fact::getLabel).contains("name", "version");
        assertThat(model.getLineage()).extracting(Fact::getLabel, Fact::getValue).containsExactly(
                tuple("dataset.path", "data/train.csv"), tuple("dataset.sha256", "ab12"), tuple("gitCommit", "c6e235c"),
                tuple("build", "credit-risk#42"), tuple("metrics.accuracy", "0.912"), tuple("tags", "gpu, tribuo"));

        ReportSection deploy = Fixtures.section("deployModel:production", "deploy.json");
        assertThat(deploy.getDeployments()).extracting(TimelineEvent::getEnvironment, TimelineEvent::getEvent,
                        TimelineEvent::getVersion, TimelineEvent::getStatus, TimelineEvent::getMessage)
                .containsExactly(tuple("production", "canary 10%", "12", Status.PASSED, ""),
                        tuple("production", "rolled back", "12", Status.FAILED, "error rate 0.2 above 0.1"));

        ReportSection gpu = Fixtures.section("gpu:train", "gpu.json");
        assertThat(gpu.getGpus()).extracting(GpuRow::getIndex, GpuRow::getMeanUtilization, GpuRow::getPeakUtilization,
                        GpuRow::getPeakMemory)
                .containsExactly(tuple("0", "71.5 %", "99 %", "40960 MiB"), tuple("1", "12 %", "30 %", ""));
    }

    @Test
    void theOverallVerdictIsTheWorstSectionAndCountsAddUp() {
        MlReport report = MlReport.of(Fixtures.allSections());

        assertThat(report.getSections()).hasSize(6);
        assertThat(report.getVerdict()).isEqualTo(Status.FAILED);
        assertThat(report.getSectionCounts()).isEqualTo("2 passed, 2 unstable, 2 failed");
        assertThat(report.getCheckCounts()).isEqualTo("3 passed, 1 no baseline, 1 inconclusive, 1 unstable, 1 failed");
    }

    @Test
    void toleratesMissingUnknownAndMalformedContent() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("futureStep:x", "{\"schemaVersion\":\"1.7\",\"kind\":\"something-new\",\"weird\":[1,2],"
                + "\"results\":[{\"name\":\"n\",\"status\":\"MAYBE\",\"observed\":{\"a\":1}}]}");
        sections.put("validateData:broken", "{\"schemaVersion\":\"1.0\",\"kind\":\"data-validation\",\"verdict\":\"ERROR\","
                + "\"results\":[],\"error\":{\"problem\":\"x\",\"message\":\"train.csv:3:7: expected a number\"}}");
        sections.put("old:y", "not json");
        MlReport report = MlReport.of(sections);

        ReportSection future = report.getSections().get(0);
        assertThat(future.getKind()).isEqualTo("something-new");
        assertThat(future.getChecks()).singleElement().satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(row.getObserved()).isEqualTo("{\"a\":1}");
        });
        assertThat(future.getVerdict()).isEqualTo(Status.UNKNOWN);
        assertThat(report.getSections().get(1).getError()).isEqualTo("train.csv:3:7: expected a number");
        assertThat(report.getSections().get(1).getVerdict()).isEqualTo(Status.ERROR);
        assertThat(report.getSections().get(2).getVerdict()).isEqualTo(Status.ERROR);
        assertThat(report.getSections().get(2).getError()).startsWith("the recorded report is not JSON");
        assertThat(report.getVerdict()).isEqualTo(Status.ERROR);
    }

    @Test
    void anEmptyReportHasNoVerdict() {
        assertThat(MlReport.of(Map.of()).getVerdict()).isEqualTo(Status.UNKNOWN);
    }
}
