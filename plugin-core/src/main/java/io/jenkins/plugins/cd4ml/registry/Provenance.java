package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a version was made: the build, the code, the data and the parameters. Everything needed to
 * reproduce it, identified by content where possible.
 *
 * @param build the CI build, or {@link BuildRef#NONE}
 * @param codeRevision the source revision (e.g. a Git commit), or empty
 * @param imageDigest the training/serving container image digest, or empty
 * @param trainingData the training data sets
 * @param evaluationData the evaluation data sets
 * @param parameters training parameters (hyper-parameters, seeds)
 */
public record Provenance(BuildRef build, String codeRevision, String imageDigest, List<DatasetRef> trainingData,
        List<DatasetRef> evaluationData, Map<String, String> parameters) implements Serializable {
    /** Nothing known. */
    public static final Provenance NONE = builder().build();

    /** Normalises to immutable, ordered values. */
    public Provenance {
        build = build == null ? BuildRef.NONE : build;
        codeRevision = codeRevision == null ? "" : codeRevision;
        imageDigest = imageDigest == null ? "" : imageDigest;
        trainingData = trainingData == null ? List.of() : List.copyOf(trainingData);
        evaluationData = evaluationData == null ? List.of() : List.copyOf(evaluationData);
        parameters = sorted(parameters);
    }

    static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Provenance} values. */
    public static final class Builder {
        private BuildRef build = BuildRef.NONE;
        private String codeRevision = "";
        private String imageDigest = "";
        private final List<DatasetRef> trainingData = new ArrayList<>();
        private final List<DatasetRef> evaluationData = new ArrayList<>();
        private final Map<String, String> parameters = new TreeMap<>();

        /** @param value the build @return this */
        public Builder build(BuildRef value) {
            build = value;
            return this;
        }

        /** @param value the code revision @return this */
        public Builder codeRevision(String value) {
            codeRevision = value;
            return this;
        }

        /** @param value the container image digest @return this */
        public Builder imageDigest(String value) {
            imageDigest = value;
            return this;
        }

        /** @param value a training data set @return this */
        public Builder trainingData(DatasetRef value) {
            trainingData.add(value);
            return this;
        }

        /** @param value an evaluation data set @return this */
        public Builder evaluationData(DatasetRef value) {
            evaluationData.add(value);
            return this;
        }

        /** @param key parameter name @param value its value @return this */
        public Builder parameter(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        /** @return the provenance */
        public Provenance build() {
            return new Provenance(build, codeRevision, imageDigest, trainingData, evaluationData, parameters);
        }
    }
}
