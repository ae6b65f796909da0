package io.jenkins.plugins.cd4ml.deploy.strategy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The limits of SageMaker deployment guardrails, applied to every target so a strategy accepted for
 * the local target is also accepted on SageMaker: canary size at most 50 % of capacity, linear steps
 * of 10–50 %, wait intervals (bake times) of 0–3 600 s, at most 10 CloudWatch alarms for automatic
 * rollback, alarm names of 1–255 characters.
 */
public final class Guardrails {
    /** Largest canary share, in percent of capacity. */
    public static final int MAX_CANARY_PERCENT = 50;
    /** Smallest linear step, in percent of capacity. */
    public static final int MIN_LINEAR_STEP_PERCENT = 10;
    /** Largest linear step, in percent of capacity. */
    public static final int MAX_LINEAR_STEP_PERCENT = 50;
    /** Longest bake time (SageMaker WaitIntervalInSeconds / TerminationWaitInSeconds). */
    public static final int MAX_BAKE_SECONDS = 3600;
    /** Most alarms in one AutoRollbackConfiguration. */
    public static final int MAX_ALARMS = 10;

    private static final Pattern ALARM_NAME = Pattern.compile("[^\\p{Cntrl}]{1,255}");

    private Guardrails() {
    }

    static int percent(String strategy, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidStrategyException(String.format(
                    "%s: %s must be between %d and %d %%, got %d", strategy, field, min, max, value));
        }
        return value;
    }

    static int seconds(String strategy, String field, int value) {
        if (value < 0 || value > MAX_BAKE_SECONDS) {
            throw new InvalidStrategyException(String.format(
                    "%s: %s must be between 0 and %d seconds, got %d", strategy, field, MAX_BAKE_SECONDS, value));
        }
        return value;
    }

    static List<String> alarms(String strategy, List<String> alarms, boolean required) {
        List<String> copy = alarms == null ? List.of() : List.copyOf(alarms);
        if (required && copy.isEmpty()) {
            throw new InvalidStrategyException(strategy
                    + ": rollback alarms are required (name at least one alarm that stops the rollout, e.g. --alarm "
                    + "model-5xx-errors); a " + strategy + " rollout without alarms cannot roll back on its own");
        }
        if (copy.size() > MAX_ALARMS) {
            throw new InvalidStrategyException(String.format(
                    "%s: at most %d rollback alarms are allowed, got %d", strategy, MAX_ALARMS, copy.size()));
        }
        for (String alarm : copy) {
            if (!ALARM_NAME.matcher(alarm).matches()) {
                throw new InvalidStrategyException(strategy
                        + ": alarm names must be 1 to 255 printable characters, got '" + alarm + "'");
            }
        }
        if (copy.stream().distinct().count() != copy.size()) {
            throw new InvalidStrategyException(strategy + ": alarm names must be unique, got " + copy);
        }
        return copy;
    }
}
