package io.jenkins.plugins.cd4ml.steps.config;

/** Where an environment's model serves, as the deployment engine names its targets. */
public enum TargetType {
    /** A model server on the agent (tests, demos, small services). */
    LOCAL,
    /** An Amazon SageMaker endpoint. */
    SAGEMAKER,
    /** A KServe InferenceService on Kubernetes. */
    KSERVE
}
