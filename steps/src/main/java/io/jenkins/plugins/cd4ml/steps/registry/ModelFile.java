package io.jenkins.plugins.cd4ml.steps.registry;

import java.io.Serializable;

/**
 * One file the agent found for a registration, digested where it lies.
 *
 * @param modelPath the path inside the model version (e.g. {@code out/model/weights.bin})
 * @param workspacePath the path relative to the workspace
 * @param digest its content digest ({@code sha256:…})
 * @param size its size in bytes
 */
record ModelFile(String modelPath, String workspacePath, String digest, long size) implements Serializable {
    private static final long serialVersionUID = 1L;
}
