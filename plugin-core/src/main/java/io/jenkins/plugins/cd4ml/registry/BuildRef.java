package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;

/**
 * The CI build that produced a version.
 *
 * @param job the job's full name (e.g. {@code ml/credit-risk/main}), or empty outside CI
 * @param number the build number, or 0
 * @param url the build's absolute URL, or empty
 */
public record BuildRef(String job, long number, String url) implements Serializable {
    /** No build (a registration from a laptop). */
    public static final BuildRef NONE = new BuildRef("", 0, "");

    /** Normalises nulls to empty strings. */
    public BuildRef {
        job = job == null ? "" : job;
        url = url == null ? "" : url;
    }
}
