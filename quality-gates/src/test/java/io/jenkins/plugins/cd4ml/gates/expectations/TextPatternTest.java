package io.jenkins.plugins.cd4ml.gates.expectations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.CharBuffer;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextPatternTest {
    private static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";
    private static final String PRODUCT_CODE = "PRD-[0-9]{5}";

    @Test
    void matchesEmailsOnADfa() {
        TextPattern email = TextPattern.compile(EMAIL);
        assertThat(email.isLinear()).isTrue();
        assertAgreesWithJava(email, EMAIL, List.of("john.doe@example.com", "user+tag@mail.co.uk", "x_y%z@a-b.io",
                "a@b.c", "no-at-sign.com", "john@doe@example.com", "john@example.c0m", "@example.com", "john@.com",
                "john.doe@example.com ", "", "jöhn@example.com"));
        assertThat(email.matches("john.doe@example.com")).isTrue();
        assertThat(email.matches("a@b.c")).isFalse(); // the top-level domain needs two letters
        assertThat(email.matches("john@doe@example.com")).isFalse();
    }

    @Test
    void matchesProductCodesOnADfa() {
        TextPattern code = TextPattern.compile(PRODUCT_CODE);
        assertThat(code.isLinear()).isTrue();
        assertThat(code.states()).isEqualTo(10); // start, "PRD-", five digits; no dead state
        assertAgreesWithJava(code, PRODUCT_CODE, List.of("PRD-12345", "PRD-1234", "PRD-123456", "prd-12345",
                "PRD-12a45", "PRD-12345\n", "XPRD-12345", ""));
        assertThat(code.matches("PRD-00042")).isTrue();
        assertThat(code.matches("PRD-0042")).isFalse();
    }

    @Test
    void readsAnyCharSequenceWithoutCopying() {
        TextPattern code = TextPattern.compile(PRODUCT_CODE);
        assertThat(code.matches(new StringBuilder("PRD-12345"))).isTrue();
        assertThat(code.matches(CharBuffer.wrap("xxPRD-12345yy").subSequence(2, 11))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "()", "a|", "(?:ab|c)*d+?", "^abc$", "[^a-c\\d]{1,3}", "\\s*\\S+\\s*", "\\\\\\.\\$",
            "a$", "\\$", ".{0,4}x", "[-a]", "[a-]", "[a-z-9]", "[--/]+", "]}", "\"&~#@<>", "x{2,}?", "[\\w&]"})
    void linearForTheSubset(String regex) {
        TextPattern pattern = TextPattern.compile(regex);
        assertThat(pattern.isLinear()).as(regex).isTrue();
        assertAgreesWithJava(pattern, regex, samples());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "a(?=b)", "(?<=a)b", "(?!a).", "a*+b", "a++", "(?i)abc", "a(?i:b)",
            "\\bab\\b", "\\p{L}+", "\\P{Lu}", "\\Q.*\\E", "\\x41", "\\u0041", "\\0101", "\\cA", "[a-z&&[^e]]",
            "[[a]b]", "[]a]", "[^\\S]", "\uD83D\uDE00+", "(?<name>a)\\k<name>", "(?>a|ab)c", "\\R", "\\h", "\\v",
            "a$b", "a^", "\\Aa\\z", "\\Ga", "a\\Z", "a{2}{3}", "(?s).", "a{99999}"})
    void fallsBackOutsideTheSubset(String regex) {
        TextPattern pattern = TextPattern.compile(regex);
        assertThat(pattern.isLinear()).as(regex).isFalse();
        assertAgreesWithJava(pattern, regex, samples());
    }

    @Test
    void catastrophicBacktrackingPatternsRunOnTheDfa() {
        // java.util.regex takes time exponential in the number of a's to reject these values
        TextPattern nested = TextPattern.compile("(a+)+b");
        assertThat(nested.isLinear()).isTrue();
        assertThat(nested.matches("a".repeat(10_000) + "c")).isFalse();
        assertThat(nested.matches("a".repeat(10_000) + "b")).isTrue();
        TextPattern email = TextPattern.compile(EMAIL);
        assertThat(email.matches("a".repeat(10_000) + "@" + "b".repeat(10_000))).isFalse();
    }

    @Test
    void fallsBackWhenTheDfaWouldBeTooLarge() {
        // the minimal DFA of "an a 20 characters from the end" has 2^21 states
        TextPattern large = TextPattern.compile("(a|b)*a(a|b){20}");
        assertThat(large.isLinear()).isFalse();
        assertThat(large.matches("a" + "b".repeat(20))).isTrue();
        assertThat(large.matches("b".repeat(21))).isFalse();

        TextPattern small = TextPattern.compile("(a|b)*a(a|b){5}");
        assertThat(small.isLinear()).isTrue();
        assertThat(small.states()).isEqualTo(64);
        assertThat(small.matches("ba" + "b".repeat(5))).isTrue();
        assertThat(small.matches("a" + "b".repeat(6))).isFalse();
    }

    @Test
    void valuesWithSurrogatesAreMatchedAsCodePoints() {
        String smiley = "\uD83D\uDE00";
        SoftAssertions softly = new SoftAssertions();
        String beyondBmp = "a[^\u0000-\uFFFF]"; // only supplementary code points, no BMP character
        for (String regex : List.of(".", "..", "a[^b]", "[^x]+", "\\D\\W\\S", beyondBmp)) {
            TextPattern pattern = TextPattern.compile(regex);
            softly.assertThat(pattern.isLinear()).as(regex).isTrue();
            for (String text : List.of(smiley, smiley + smiley, "a" + smiley, "\uD83D", "\uDE00", "a\uD83D",
                    "ab" + smiley, smiley + "\uDE00")) {
                softly.assertThat(pattern.matches(text)).as("/%s/ on %s", regex, text)
                        .isEqualTo(Pattern.compile(regex).matcher(text).matches());
            }
        }
        softly.assertAll();
        assertThat(TextPattern.compile(".").matches(smiley)).isTrue();
        assertThat(TextPattern.compile(beyondBmp).matches("a" + smiley)).isTrue();
    }

    @Test
    void dotStopsAtJavaLineTerminators() {
        TextPattern dot = TextPattern.compile("a.b");
        for (char terminator : new char[] {'\n', '\r', '\u0085', '\u2028', '\u2029'}) {
            assertThat(dot.matches("a" + terminator + "b")).isFalse();
        }
        assertThat(dot.matches("a\u000Bb")).isTrue();
        assertThat(dot.matches("a\u00E9b")).isTrue();
    }

    @Test
    void matcherForOneThreadAnswersTheSame() {
        for (String regex : List.of(PRODUCT_CODE, "(a)\\1")) {
            Predicate<CharSequence> matcher = TextPattern.compile(regex).matcher();
            for (String text : samples()) {
                assertThat(matcher.test(text)).isEqualTo(Pattern.compile(regex).matcher(text).matches());
            }
        }
    }

    @Test
    void rejectsInvalidPatternsAsJavaDoes() {
        assertThatThrownBy(() -> TextPattern.compile("[a-")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> TextPattern.compile("a{2")).isInstanceOf(PatternSyntaxException.class);
        assertThat(TextPattern.compile("a+b").toString()).isEqualTo("a+b");
    }

    private static List<String> samples() {
        return List.of("", "a", "aa", "ab", "abc", "aab", "b", "x", "xx", "AB", "abcabc", "A1", "9", "-", "$", "\\.$",
                "]}", "\"&~#@<>", " ", "a b", "\n", "a\n", "e", "e1", "_", "/", "-/-", "PRD-12345", "a\u00E9",
                "\uD83D\uDE00", "\uD83D\uDE00\uD83D\uDE00", "abab");
    }

    private static void assertAgreesWithJava(TextPattern pattern, String regex, List<String> texts) {
        Pattern java = Pattern.compile(regex);
        SoftAssertions softly = new SoftAssertions();
        for (String text : texts) {
            softly.assertThat(pattern.matches(text)).as("/%s/ on \"%s\"", regex, text)
                    .isEqualTo(java.matcher(text).matches());
        }
        softly.assertAll();
    }
}
