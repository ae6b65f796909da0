package io.jenkins.plugins.cd4ml.steps.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Report sections as the steps record them, from src/test/resources. */
final class Fixtures {
    private Fixtures() {
    }

    static String json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return one build's sections: every kind of report */
    static Map<String, String> allSections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("validateData:train", json("validation.json"));
        sections.put("detectDrift:today", json("drift.json"));
        sections.put("qualityGate:release", json("gate.json"));
        sections.put("registerModel", json("model.json"));
        sections.put("deployModel:production", json("deploy.json"));
        sections.put("gpu:train", json("gpu.json"));
        return sections;
    }

    static ReportSection section(String key, String fixture) {
        return MlReport.of(Map.of(key, json(fixture))).getSections().get(0);
    }
}
