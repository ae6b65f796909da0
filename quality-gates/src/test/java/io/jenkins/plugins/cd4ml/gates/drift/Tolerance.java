package io.jenkins.plugins.cd4ml.gates.drift;

/** The agreement the reference vectors' README asks for. */
final class Tolerance {
    private Tolerance() {
    }

    static boolean agrees(DriftMetric metric, double got, double want) {
        boolean pValue = metric == DriftMetric.KS_PVALUE || metric == DriftMetric.CHI2_PVALUE;
        if (pValue && got < 1e-300 && want < 1e-300) {
            return true;
        }
        double tolerance = pValue ? 1e-6 : 1e-9;
        if (want == 0) {
            return Math.abs(got) <= 1e-15;
        }
        return Math.abs(got - want) <= tolerance * Math.abs(want);
    }
}
