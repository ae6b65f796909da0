package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CommandWordsTest {
    @Test
    void splitsLikeAShellWithoutRunningOne() throws Exception {
        assertThat(CommandWords.split("python train.py --epochs 3")).containsExactly("python", "train.py", "--epochs", "3");
        assertThat(CommandWords.split("  python   'my script.py' \"a \\\"b\\\"\" c\\ d ")).containsExactly("python",
                "my script.py", "a \"b\"", "c d");
        assertThat(CommandWords.split("echo $HOME; rm -rf / | cat")).containsExactly("echo", "$HOME;", "rm", "-rf", "/",
                "|", "cat");
        assertThat(CommandWords.split("run ''")).containsExactly("run", "");
    }

    @Test
    void rejectsEmptyCommandsAndOpenQuotes() {
        assertThatThrownBy(() -> CommandWords.split("   ")).isInstanceOf(AbortException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CommandWords.split("python 'train.py")).isInstanceOf(AbortException.class)
                .hasMessageContaining("single quote");
    }

    @Property(tries = 200)
    void singleQuotingAnyWordsGivesThemBack(@ForAll @Size(min = 1, max = 6) List<@NotEmpty String> words)
            throws Exception {
        String command = words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));

        assertThat(CommandWords.split(command)).isEqualTo(words);
    }
}
