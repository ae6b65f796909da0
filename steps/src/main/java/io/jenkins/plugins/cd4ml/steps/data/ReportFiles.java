package io.jenkins.plugins.cd4ml.steps.data;

import io.jenkins.plugins.cd4ml.report.HtmlRenderer;
import io.jenkins.plugins.cd4ml.report.JunitXmlRenderer;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The optional report files a data step writes into the workspace ({@code junit:}, {@code html:}),
 * on the agent, each replaced atomically so the {@code junit} step never reads half a file.
 *
 * @param junit the JUnit XML path as the user wrote it, or {@code null}
 * @param html the HTML path as the user wrote it, or {@code null}
 * @param suiteName the JUnit test suite name, e.g. {@code cd4ml.validateData}
 */
record ReportFiles(String junit, String html, String suiteName) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the output paths before anything is read, so a bad path fails the step early.
     *
     * @param workspace the workspace directory on the agent
     * @throws IOException if a path leaves the workspace
     */
    void confine(File workspace) throws IOException {
        if (junit != null) {
            WorkspacePaths.confine(workspace, "junit", junit);
        }
        if (html != null) {
            WorkspacePaths.confine(workspace, "html", html);
        }
    }

    /**
     * @param workspace the workspace directory on the agent
     * @param document the report to render
     * @throws IOException if a file cannot be written or a path leaves the workspace
     */
    void write(File workspace, ReportDocument document) throws IOException {
        if (junit != null) {
            replace(WorkspacePaths.confine(workspace, "junit", junit), JunitXmlRenderer.render(document, suiteName));
        }
        if (html != null) {
            replace(WorkspacePaths.confine(workspace, "html", html), HtmlRenderer.render(document));
        }
    }

    private static void replace(Path target, String text) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
