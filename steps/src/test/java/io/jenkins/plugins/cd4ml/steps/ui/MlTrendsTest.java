package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlTrendsTest {
    private static MlReport gateBuild(double accuracy, double threshold) {
        String json = "{\"schemaVersion\":\"1.0\",\"kind\":\"quality-gate\",\"gates\":[{\"name\":\"acc\",\"metric\":\"accuracy\","
                + "\"candidate\":" + accuracy + ",\"threshold\":\">= " + threshold + "\",\"status\":\"PASSED\"}],"
                + "\"fairness\":{\"attribute\":\"sex\",\"groups\":[{\"group\":\"f\",\"metrics\":{\"tpr\":0.8}},"
                + "{\"group\":\"m\",\"metrics\":{\"tpr\":" + (0.8 + accuracy / 10) + "}}]}}";
        return MlReport.of(Map.of("qualityGate:release", json));
    }

    @Test
    void chartsEachGateMetricWithItsThresholdAcrossBuildsInBuildOrder() {
        MlTrends trends = MlTrends.of(List.of(new MlTrends.BuildReport(3, gateBuild(0.9, 0.85)),
                new MlTrends.BuildReport(1, gateBuild(0.8, 0.85)), new MlTrends.BuildReport(2, gateBuild(0.85, 0.85))));

        TrendChart gate = trends.getCharts().get(0);
        assertThat(gate.getTitle()).isEqualTo("Gate acc (qualityGate:release)");
        assertThat(gate.builds()).containsExactly(1, 2, 3);
        assertThat(gate.getLines()).extracting(TrendChart.Line::getName, TrendChart.Line::isThreshold,
                        TrendChart.Line::getLastValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("candidate accuracy", false, "0.9"),
                        org.assertj.core.groups.Tuple.tuple("threshold", true, "0.85"));
        assertThat(gate.getLines().get(1).getCssClass()).endsWith("threshold");

        List<double[]> points = points(gate.getLines().get(0).getSegments().get(0));
        assertThat(points).hasSize(3);
        // x spreads builds evenly over the plot; y grows downwards: the best accuracy is highest
        assertThat(points.get(0)[0]).isEqualTo(56.0);
        assertThat(points.get(2)[0]).isEqualTo(TrendChart.WIDTH - 12.0);
        assertThat(points.get(0)[1]).isGreaterThan(points.get(1)[1]).isGreaterThan(points.get(2)[1]);
        assertThat(points.get(0)[1]).isEqualTo(TrendChart.HEIGHT - 28.0);
        assertThat(points.get(2)[1]).isEqualTo(12.0);

        TrendChart fairness = trends.getCharts().get(1);
        assertThat(fairness.getTitle()).startsWith("Fairness gaps by sex");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) fairness.toOption().get("series");
        assertThat(series.get(0).get("name")).isEqualTo("tpr gap");
        assertThat((List<Double>) series.get(0).get("data")).satisfiesExactly(
                v -> assertThat(v).isCloseTo(0.08, org.assertj.core.data.Offset.offset(1e-12)),
                v -> assertThat(v).isCloseTo(0.085, org.assertj.core.data.Offset.offset(1e-12)),
                v -> assertThat(v).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-12)));
    }

    @Test
    void chartsDriftOfTheJudgedMetricPerFeatureAndGpuUtilisation() {
        Map<String, String> sections = new java.util.LinkedHashMap<>();
        sections.put("detectDrift:today", Fixtures.json("drift.json"));
        sections.put("gpu:train", Fixtures.json("gpu.json"));
        MlReport build = MlReport.of(sections);
        MlTrends trends = MlTrends.of(List.of(new MlTrends.BuildReport(7, build)));

        assertThat(trends.getCharts()).extracting(TrendChart::getTitle).containsExactly(
                "Drift psi per feature (detectDrift:today)",
                "Drift jensen_shannon per feature (detectDrift:today)",
                "GPU utilisation % (gpu:train)");
        assertThat(trends.getCharts().get(0).toOption().get("series").toString()).contains("income", "0.456");
        assertThat(trends.getCharts().get(1).toOption().get("series").toString()).contains("country", "0.292");
        assertThat(trends.getCharts().get(2).getLines()).extracting(TrendChart.Line::getName)
                .containsExactly("GPU 0 mean", "GPU 1 mean");
    }

    @Test
    void aBuildWithoutAValueBreaksTheLine() {
        TrendChart chart = new TrendChart("t").add("a", false, 1, 1).add("b", false, 2, 5).add("a", false, 3, 2)
                .add("a", false, 4, Double.NaN);
        assertThat(chart.getLines().get(0).getSegments()).hasSize(2);
        assertThat(chart.toOption().get("series").toString()).contains("data=[1.0, null, 2.0]");
        assertThat(chart.getXTicks()).extracting(TrendChart.Tick::getLabel).containsExactly("#1", "#2", "#3");
    }

    @Test
    void aFlatSeriesStillHasARangeAndNoChartsForNoData() {
        TrendChart flat = new TrendChart("flat").add("a", false, 1, 0.5).add("a", false, 2, 0.5);
        assertThat(flat.getYTicks()).extracting(TrendChart.Tick::getLabel).first().isEqualTo("0.45");
        assertThat(points(flat.getLines().get(0).getSegments().get(0))).allSatisfy(p -> assertThat(p[1]).isEqualTo(112.0));
        assertThat(MlTrends.of(List.of()).getCharts()).isEmpty();
    }

    private static List<double[]> points(String polyline) {
        List<double[]> points = new ArrayList<>();
        for (String point : polyline.split(" ")) {
            points.add(Arrays.stream(point.split(",")).mapToDouble(Double::parseDouble).toArray());
        }
        return points;
    }
}
