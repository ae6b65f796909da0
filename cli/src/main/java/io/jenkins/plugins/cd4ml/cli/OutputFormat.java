package io.jenkins.plugins.cd4ml.cli;

/** What a command prints on standard output. Not every command supports every format. */
public enum OutputFormat {
    /** Human-readable text (the default). */
    text,
    /** The versioned JSON report (carries {@code "schemaVersion"}). */
    json,
    /** JUnit XML, one test case per check. */
    junit,
    /** A Markdown summary for pull requests. */
    markdown,
    /** A self-contained HTML report. */
    html
}
