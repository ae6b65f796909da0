package io.jenkins.plugins.cd4ml.steps.registry;

import io.jenkins.plugins.cd4ml.registry.DatasetRef;
import java.io.Serializable;
import java.util.List;

/**
 * What {@link CollectModelFilesCallable} found on the agent.
 *
 * @param artifacts model files and, when given, the evaluation predictions, each digested
 * @param trainingData the training data sets' digests
 * @param evaluationData the evaluation data sets' digests
 */
record ModelFiles(List<ModelFile> artifacts, List<DatasetRef> trainingData, List<DatasetRef> evaluationData)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    ModelFiles {
        artifacts = List.copyOf(artifacts);
        trainingData = List.copyOf(trainingData);
        evaluationData = List.copyOf(evaluationData);
    }
}
