package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.registry.ArtifactRef;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** How registry commands print versions. */
final class Output {
    private Output() {
    }

    static void json(PrintWriter out, Object value) throws IOException {
        out.println(Json.mapper().writeValueAsString(value));
    }

    /** A JSON document with the schema version first. */
    static Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schemaVersion", Json.SCHEMA_VERSION);
        return document;
    }

    static String summary(ModelVersion v) {
        return String.format("%s v%d  %s  %s  %d artifact(s)%s", v.name(), v.version(), v.registeredAt(),
                v.approval().status(), v.artifacts().size(),
                v.aliases().isEmpty() ? "" : "  [" + String.join(", ", v.aliases()) + "]");
    }

    static void details(PrintWriter out, ModelVersion v) {
        out.println(summary(v));
        out.println("  registered by " + v.registeredBy() + (v.description().isEmpty() ? "" : ": " + v.description()));
        out.println("  approval " + v.approval().status() + " by " + v.approval().by() + " at " + v.approval().at()
                + (v.approval().reason().isEmpty() ? "" : " (" + v.approval().reason() + ")"));
        for (ArtifactRef a : v.artifacts()) {
            out.println("  artifact " + a.path() + "  " + a.digest() + "  " + a.size() + " B  " + a.location());
        }
        v.metrics().forEach((k, value) -> out.println("  metric " + k + "=" + value));
        v.gates().forEach(g -> out.println("  gate " + g.gate() + " " + g.verdict()));
        v.tags().forEach((k, value) -> out.println("  tag " + k + "=" + value));
    }
}
