package io.jenkins.plugins.cd4ml.gates.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.gates.drift.ColumnKind;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfig;
import io.jenkins.plugins.cd4ml.gates.drift.DriftMetric;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReport;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftEngineTest {
    @TempDir
    Path temp;

    private Path file(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void numbersInOneFileAndTextInTheOtherAreComparedAsCategories() throws Exception {
        DriftReport report = DriftEngine.compare(file("b.csv", "v,w\n1,1\n2,2\nthree,3\n"),
                file("c.csv", "v,w\n1,1\n2,2\n2,x\n"), DriftConfig.defaults());
        assertThat(report.column("v").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(report.column("v").categories()).isEqualTo(3);
        assertThat(report.column("w").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(report.column("w").value(DriftMetric.CHI2_DOF)).isEqualTo(3.0);
    }

    @Test
    void explicitColumnsMustExistAndSummariesMustBeRecognised() throws Exception {
        Path data = file("d.csv", "a\n1\n2\n");
        assertThatThrownBy(() -> DriftEngine.compare(data, data, DriftConfig.defaults().withColumns(List.of("zz"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing column 'zz'");
        Path json = file("weird.json", "{\"hello\": 1}");
        assertThatThrownBy(() -> DriftEngine.compare(json, data, DriftConfig.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("neither a cd4ml profile");
        Path truncated = file("t.json", "{\"kind\": ");
        assertThatThrownBy(() -> DriftEngine.compare(truncated, data, DriftConfig.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed JSON");
    }
}
