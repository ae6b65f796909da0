package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class Cd4mlCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void printsVersionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("cd4ml ");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("demo");
    }

    /** Only the command that runs is built; help, options and typos still see every command. */
    @Test
    void buildsOnlyTheSubcommandThatRuns() {
        assertThat(Cd4mlCommand.create("metrics").getSubcommands()).containsOnlyKeys("metrics");
        int all = Cd4mlCommand.SUBCOMMANDS.size();
        assertThat(Cd4mlCommand.create("--help").getSubcommands()).hasSize(all);
        assertThat(Cd4mlCommand.create("help").getSubcommands()).hasSize(all);
        assertThat(Cd4mlCommand.create("metrcs").getSubcommands()).hasSize(all);

        assertThat(run("help", "drift")).isZero();
        assertThat(out.toString()).contains("--baseline");
        assertThat(run("metrcs")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("metrics"); // picocli's suggestion needs the full list
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no-such-option");
    }
}
