package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;
import java.time.Instant;

/**
 * One entry of a deployment's timeline.
 *
 * @param at when it happened
 * @param phase a short machine-readable phase ({@code locked}, {@code traffic}, {@code alarm}, {@code read-back}, …)
 * @param message what happened, for people
 */
public record DeploymentEvent(Instant at, String phase, String message) implements Serializable {
}
