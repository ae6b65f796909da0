package io.jenkins.plugins.cd4ml.deploy.local;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds model.json texts for tests. */
final class LocalModels {
    private LocalModels() {
    }

    static String linear(String... features) {
        String coefficients = Arrays.stream(features).map(name -> "\"" + name + "\": 0.5")
                .collect(Collectors.joining(", "));
        return "{\"format\": \"cd4ml-linear-model\", \"formatVersion\": 1, \"intercept\": -0.25,"
                + " \"coefficients\": {" + coefficients + "}, \"threshold\": 0.5}";
    }
}
