package io.jenkins.plugins.cd4ml.gpu.health;

import io.jenkins.plugins.cd4ml.report.Severity;
import java.io.Serializable;

/**
 * One reason a GPU is not fully healthy.
 *
 * @param check the check that found it: {@code ecc}, {@code retired-pages}, {@code row-remapping},
 *        {@code xid}, {@code temperature}, {@code persistence-mode}, {@code driver-version}, {@code cuda-version}
 * @param severity FAILURE makes the GPU unhealthy, WARNING only flags it
 * @param message what was found, for build logs
 */
public record HealthFinding(String check, Severity severity, String message) implements Serializable {
}
