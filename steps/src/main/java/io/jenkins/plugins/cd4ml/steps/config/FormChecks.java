package io.jenkins.plugins.cd4ml.steps.config;

import hudson.util.FormValidation;
import java.util.Optional;

/** Turns a {@link ConfigChecks} result into what a form shows next to the field. */
final class FormChecks {
    private FormChecks() {
    }

    static FormValidation toValidation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
