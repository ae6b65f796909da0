package io.jenkins.plugins.cd4ml.steps.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small workspace: {@code data/train.csv}, {@code data/today.csv} (ages shifted) and expectations. */
final class DataStepsFixture {
    static final String EXPECTATIONS = """
            expectations:
              - {type: not_null, column: age}
              - {type: between, column: age, min: 18, max: 90}
              - {name: young, type: between, column: age, max: 60, severity: warning}
            drift:
              exclude: [id]
            """;

    private DataStepsFixture() {
    }

    /** @return {@code n} rows {@code id,age,city} with ages {@code shift + 20 .. shift + 59} */
    static String ages(int n, int shift) {
        StringBuilder csv = new StringBuilder("id,age,city\n");
        for (int i = 0; i < n; i++) {
            csv.append(i + 1).append(',').append(shift + 20 + i % 40).append(',')
                    .append(new String[] {"Oslo", "Lima", "Pune"}[i % 3]).append('\n');
        }
        return csv.toString();
    }

    static Path workspace(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("ml"));
        Files.writeString(dir.resolve("data/train.csv"), ages(400, 0));
        Files.writeString(dir.resolve("data/today.csv"), ages(400, 25));
        Files.writeString(dir.resolve("ml/expectations.yaml"), EXPECTATIONS);
        return dir;
    }
}
