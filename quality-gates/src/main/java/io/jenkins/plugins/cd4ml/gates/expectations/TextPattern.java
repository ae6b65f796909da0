package io.jenkins.plugins.cd4ml.gates.expectations;

import dk.brics.automaton.RunAutomaton;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code java.util.regex} pattern matched against whole values, in time linear in the value's
 * length where the pattern allows it.
 *
 * <p>Patterns in the common regular subset of the Java syntax (see {@link RegexAutomaton}) run on a
 * minimal DFA: one table look-up per character, no backtracking, no objects created. Any other
 * pattern, a pattern whose DFA would be too large, and every value that contains a surrogate
 * character (where Java matches code points, the DFA characters) are matched by
 * {@link Pattern#matcher(CharSequence)}{@code .matches()}; the answer is the same either way.
 * Instances are immutable and safe to share between threads.
 */
final class TextPattern {
    /** Larger DFAs are not built: the Java matcher is used instead. */
    static final int MAX_STATES = 10_000;

    private final Pattern pattern;
    private final RunAutomaton dfa;
    private final int initial;

    private TextPattern(Pattern pattern, RunAutomaton dfa) {
        this.pattern = pattern;
        this.dfa = dfa;
        this.initial = dfa == null ? -1 : dfa.getInitialState();
    }

    /**
     * @param javaRegex a {@code java.util.regex} pattern, without flags
     * @return the pattern, on a DFA where it can be
     * @throws PatternSyntaxException when {@code javaRegex} is not a valid Java pattern
     */
    static TextPattern compile(String javaRegex) {
        Pattern pattern = Pattern.compile(javaRegex);
        Optional<RunAutomaton> dfa = RegexAutomaton.build(javaRegex, MAX_STATES);
        return new TextPattern(pattern, dfa.orElse(null));
    }

    /**
     * @param text the value
     * @return whether the whole value matches, as {@code Pattern.compile(regex).matcher(text).matches()}
     */
    boolean matches(CharSequence text) {
        if (dfa == null) {
            return pattern.matcher(text).matches();
        }
        int state = initial;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                return pattern.matcher(text).matches();
            }
            state = dfa.step(state, c);
            if (state < 0) {
                // the DFA speaks for values without surrogates only
                return hasSurrogate(text, i + 1) && pattern.matcher(text).matches();
            }
        }
        return dfa.isAccept(state);
    }

    /**
     * @return a test for one thread at a time, which reuses one {@link Matcher} when it falls back
     *     to {@code java.util.regex}
     */
    Predicate<CharSequence> matcher() {
        if (dfa != null) {
            return this::matches;
        }
        Matcher matcher = pattern.matcher("");
        return text -> matcher.reset(text).matches();
    }

    /** @return whether values are matched by a DFA (in linear time) */
    boolean isLinear() {
        return dfa != null;
    }

    /** @return the number of DFA states, 0 when the Java matcher is used */
    int states() {
        return dfa == null ? 0 : dfa.getSize();
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    private static boolean hasSurrogate(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
