package io.jenkins.plugins.cd4ml.steps.deploy;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.deploy.strategy.InvalidStrategyException;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code strategy:} argument of {@code deployModel} and {@code promoteModel}: a describable per
 * strategy ({@code allAtOnce}, {@code canary}, {@code linear}, {@code shadow}, {@code blueGreen}) so
 * the snippet generator offers them, each adapted to the engine's validated
 * {@link DeploymentStrategy}. The guardrail limits live in the engine only; the form checks and the
 * step report the engine's own messages.
 */
public abstract class StrategyConfig extends AbstractDescribableImpl<StrategyConfig> implements Serializable {
    private static final long serialVersionUID = 1L;

    private List<String> alarms = List.of();

    /** @return the rollback alarms (CloudWatch alarm names on SageMaker) */
    public List<String> getAlarms() {
        return alarms;
    }

    /** @param alarms rollback alarms; required for canary and linear */
    @DataBoundSetter
    public void setAlarms(List<String> alarms) {
        this.alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    /**
     * @return the engine's strategy
     * @throws InvalidStrategyException when a value is outside the guardrail limits (the message
     *     names the field, the value and the limit)
     */
    public abstract DeploymentStrategy toStrategy();

    /**
     * @param strategy builds a strategy from form values
     * @return the guardrail's message when the values are refused, else empty
     */
    static Optional<String> problem(Supplier<DeploymentStrategy> strategy) {
        try {
            strategy.get();
            return Optional.empty();
        } catch (InvalidStrategyException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * @param text alarm names as typed in a form: one per line or comma-separated
     * @return the names, blanks dropped
     */
    static List<String> alarmNames(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** What the strategy descriptors share: the facade for permission checks and the form answer. */
    public abstract static class StrategyDescriptor extends Descriptor<StrategyConfig> {
        /** A stand-in alarm so that a field can be checked alone where alarms are required. */
        static final List<String> SOME_ALARM = List.of("alarm");

        private transient JenkinsFacade facade = new JenkinsFacade();

        /** @return the facade (replaced in tests) */
        JenkinsFacade facade() {
            return facade;
        }

        void setFacade(JenkinsFacade facade) {
            this.facade = facade;
        }

        /**
         * @param problem a guardrail message, if any
         * @return an error with the message, or OK
         */
        static FormValidation answer(Optional<String> problem) {
            return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }
}
