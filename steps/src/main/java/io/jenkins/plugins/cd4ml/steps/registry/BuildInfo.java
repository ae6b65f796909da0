package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cd4ml.registry.BuildRef;
import java.io.Serializable;

/**
 * The build a registration comes from.
 *
 * @param job the job's full name
 * @param number the build number
 * @param url the build's URL (absolute when the root URL is configured)
 * @param codeRevision {@code GIT_COMMIT} of the build, or {@code null}
 * @param user who registers ({@code pipeline} for a build acting as the system)
 */
record BuildInfo(String job, int number, String url, @CheckForNull String codeRevision, String user)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    BuildRef ref() {
        return new BuildRef(job, number, url);
    }

    /**
     * @param model the model registered
     * @return the idempotency token {@code job#build#model}: a resumed or retried step never
     *     registers twice
     */
    String clientToken(String model) {
        return job + "#" + number + "#" + model;
    }
}
