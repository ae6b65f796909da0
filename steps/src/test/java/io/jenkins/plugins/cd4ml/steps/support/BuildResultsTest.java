package io.jenkins.plugins.cd4ml.steps.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuildResultsTest {
    private final List<Result> results = new ArrayList<>();
    private final List<WarningAction> warnings = new ArrayList<>();
    private final BuildResults handler = new BuildResults(results::add, warnings::add);

    @Test
    void mapsEveryVerdictToABuildResult() {
        assertThat(BuildResults.toResult(Verdict.PASSED)).isSameAs(Result.SUCCESS);
        assertThat(BuildResults.toResult(Verdict.UNSTABLE)).isSameAs(Result.UNSTABLE);
        assertThat(BuildResults.toResult(Verdict.FAILED)).isSameAs(Result.FAILURE);
        assertThat(BuildResults.toResult(Verdict.ERROR)).isSameAs(Result.FAILURE);
    }

    @ParameterizedTest
    @EnumSource(value = Verdict.class, names = {"FAILED", "ERROR"})
    void neverTurnsAFailureOrAnErrorIntoAPass(Verdict verdict) {
        assertThat(BuildResults.toResult(verdict).isWorseThan(Result.UNSTABLE)).isTrue();
        assertThatThrownBy(() -> handler.apply(verdict, "accuracy 0.81 < 0.85"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("accuracy 0.81 < 0.85");
    }

    @Test
    void aPassLeavesTheBuildAlone() throws AbortException {
        handler.apply(Verdict.PASSED, "all 12 checks passed");

        assertThat(results).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void unstableMarksTheBuildAndWarnsOnTheStepsNode() throws AbortException {
        handler.apply(Verdict.UNSTABLE, "2 warnings: null rate of 'age' 3% > 1%");

        assertThat(results).containsExactly(Result.UNSTABLE);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.getResult()).isSameAs(Result.UNSTABLE);
            assertThat(w.getMessage()).isEqualTo("2 warnings: null rate of 'age' 3% > 1%");
        });
    }

    @Test
    void anErrorSaysTheCheckCouldNotBeEvaluated() {
        assertThatThrownBy(() -> handler.apply(Verdict.ERROR, "data/train.csv:3:7: expected a number"))
                .hasMessage("could not evaluate: data/train.csv:3:7: expected a number");
        assertThat(results).isEmpty();
    }
}
