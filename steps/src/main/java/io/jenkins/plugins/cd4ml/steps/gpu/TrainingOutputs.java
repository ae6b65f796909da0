package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.AbortException;
import io.jenkins.plugins.cd4ml.gpu.train.DeclaredOutput;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code outputs} argument of {@code trainModel}: a map from a name to a path in the workspace.
 * {@code model} is the model (file or directory), {@code metrics} a JSON object of metrics, any
 * other name a further file or directory; each gets a digest for lineage.
 *
 * @param names the user's names, in the order given
 * @param declared the engine's declared outputs, same order, paths normalized inside the workspace
 */
record TrainingOutputs(List<String> names, List<DeclaredOutput> declared) implements Serializable {
    /** Output names: the two with meaning, and identifiers for the rest. */
    static final String MODEL = "model";
    static final String METRICS = "metrics";

    TrainingOutputs {
        names = List.copyOf(names);
        declared = List.copyOf(declared);
    }

    /**
     * @param outputs the step argument (values may be any object whose text is a path, e.g. a GString)
     * @return the outputs with paths checked against the workspace
     * @throws AbortException if a name is not an identifier or a path leaves the workspace
     */
    static TrainingOutputs of(Map<String, ?> outputs) throws AbortException {
        List<String> names = new ArrayList<>();
        List<DeclaredOutput> declared = new ArrayList<>();
        for (Map.Entry<String, ?> entry : (outputs == null ? Map.<String, Object>of() : outputs).entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                throw new AbortException("outputs: '" + name + "' is not a valid output name (letters, digits, _ and -)");
            }
            if (entry.getValue() == null) {
                throw new AbortException("outputs." + name + ": a path inside the workspace is required");
            }
            String path = WorkspacePaths.normalize("outputs." + name, entry.getValue().toString());
            DeclaredOutput.Kind kind = switch (name) {
                case MODEL -> DeclaredOutput.Kind.MODEL;
                case METRICS -> DeclaredOutput.Kind.METRICS;
                default -> DeclaredOutput.Kind.FILE;
            };
            names.add(name);
            declared.add(new DeclaredOutput(kind, path));
        }
        return new TrainingOutputs(names, declared);
    }

    /** @return the argument as the user could write it again (name → normalized path) */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), declared.get(i).path());
        }
        return map;
    }
}
