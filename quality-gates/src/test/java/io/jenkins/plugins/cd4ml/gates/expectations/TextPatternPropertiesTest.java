package io.jenkins.plugins.cd4ml.gates.expectations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** Differential test: the DFA (or its fallback) answers exactly as {@code java.util.regex}. */
class TextPatternPropertiesTest {
    /** Characters of the values: class members, line terminators, non-ASCII, surrogates (paired and lone). */
    private static final List<String> TEXT_UNITS = List.of("a", "b", "z", "A", "0", "9", "_", "-", ".", "@", "%",
            "+", " ", "\t", "\n", "\r", "\u000B", "\u0085", "\u2028", "\u2029", "é", "]", "&", "\"",
            "\uD83D\uDE00", "\uD83D", "\uDE00");

    @Property(tries = 600)
    void answersAsJavaRegex(@ForAll("patterns") String regex, @ForAll("texts") List<String> texts) {
        TextPattern pattern = TextPattern.compile(regex);
        Pattern java = Pattern.compile(regex);
        boolean anyMatch = false;
        for (String text : texts) {
            boolean expected = java.matcher(text).matches();
            anyMatch |= expected;
            assertThat(pattern.matches(text)).as("/%s/ on \"%s\"", regex, escape(text)).isEqualTo(expected);
            assertThat(pattern.matches(new StringBuilder(text))).isEqualTo(expected);
        }
        Statistics.label("linear").collect(pattern.isLinear());
        Statistics.label("some value matches").collect(anyMatch);
        Statistics.label("linear").coverage(coverage -> coverage.check(true).percentage(p -> p > 60));
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> anchored = Combinators.combine(Arbitraries.of("", "", "^"), expression(3),
                Arbitraries.of("", "", "$")).as((start, body, end) -> start + body + end);
        return anchored.filter(TextPatternPropertiesTest::compiles);
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> text = Arbitraries.of(TEXT_UNITS).list().ofMaxSize(7).map(units -> String.join("", units));
        return text.list().ofSize(24);
    }

    private Arbitrary<String> expression(int depth) {
        if (depth == 0) {
            return atom();
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> expression(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, atom()),
                Tuple.of(3, inner.list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join("", parts))),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(parts -> String.join("|", parts))),
                Tuple.of(3, Combinators.combine(inner, quantifier()).as((body, q) -> body + q)),
                Tuple.of(2, Combinators.combine(Arbitraries.of("(", "(?:"), inner).as((open, body) -> open + body + ")")),
                Tuple.of(1, Arbitraries.of("()", "(|a)", "(?:a|)")));
    }

    private Arbitrary<String> quantifier() {
        Arbitrary<String> greedy = Arbitraries.of("*", "+", "?", "{2}", "{0,2}", "{1,3}", "{1,}", "{0}");
        return Combinators.combine(greedy, Arbitraries.frequency(Tuple.of(6, ""), Tuple.of(2, "?"), Tuple.of(1, "+")))
                .as((q, mode) -> q + mode);
    }

    private Arbitrary<String> atom() {
        Arbitrary<String> literal = Arbitraries.of("a", "b", "z", "A", "0", "9", "_", "-", "@", "%", " ", "é", "]",
                "}", "&", "\"", "~", "#", "<", ">", "\t", "\\.", "\\-", "\\@", "\\+", "\\*", "\\\\", "\\]", "\\[",
                "\\t", "\\n", "\\r", "\\\"", "\\ ");
        Arbitrary<String> predefined = Arbitraries.of(".", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S");
        Arbitrary<String> member = Arbitraries.of("a", "b", "z", "-", ".", "@", "%", "_", "é", "&", "^", "a-z", "A-Z",
                "0-9", "--/", "\\d", "\\w", "\\s", "\\-", "\\]", "\\[", "\\n", "\\t", "\\\\", " -~", "\u0080-\uFFFD");
        Arbitrary<String> charClass = Combinators.combine(Arbitraries.of("[", "[", "[^"),
                member.list().ofMinSize(1).ofMaxSize(3)).as((open, members) -> open + String.join("", members) + "]");
        Arbitrary<String> outsideSubset = Arbitraries.of("\\b", "(?=a)", "(?!b)", "(?<=a)", "\\p{L}", "\\Q.\\E",
                "\uD83D\uDE00", "(?i)a", "\\x41", "(a)\\1", "[a-z&&[^b]]", "[[ab]c]", "\\R", "[^\\S]", "[]a]", "\\z");
        return Arbitraries.frequencyOf(
                Tuple.of(6, literal),
                Tuple.of(3, predefined),
                Tuple.of(4, charClass),
                Tuple.of(1, outsideSubset));
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
