package io.jenkins.plugins.cd4ml.gates.expectations;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RunAutomaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the minimal DFA of a Java regular expression for whole-value matching, where the
 * expression is in the subset whose language under {@link java.util.regex.Matcher#matches()} is
 * known exactly:
 * literals and escaped punctuation; {@code \t \n \r \f \a \e}; {@code . \d \w \s \D \W \S} with
 * their ASCII meanings (dot without line terminators); classes {@code [...]} and {@code [^...]} with
 * ranges and {@code \d \w \s}; groups {@code (...)} and {@code (?:...)}; alternation; quantifiers
 * {@code * + ? {n} {n,} {n,m}}, greedy or lazy (lazy ones accept the same values); a leading
 * {@code ^} and a trailing {@code $}. Everything else (back-references, look-around, possessive
 * quantifiers, flags, boundaries, {@code \p{..}}, {@code \Q..\E}, numeric escapes, nested classes
 * and intersections, surrogates in the pattern) is declined, and so is a DFA above the size limit.
 *
 * <p>The automaton reads UTF-16 characters; on values without surrogates they are Java's code
 * points, so the languages agree there ({@link TextPattern} sends other values to Java).
 *
 * <p>The expression is turned into brics automata directly rather than through brics' own regular
 * expression syntax, and determinised here, so that a blowing-up expression such as
 * {@code (a|b)*a(a|b){20}} is abandoned at the size limit instead of being built first.
 */
final class RegexAutomaton {
    /** Bounds the nondeterministic automaton built before determinisation (counted repeats copy). */
    private static final int MAX_NFA_STATES = 20_000;
    /** Bounds the work of the subset construction (transitions visited). */
    private static final long MAX_WORK = 20_000_000L;

    private static final char[] LINE_TERMINATORS = {'\n', '\r', '\u0085', '\u2028', '\u2029'};

    private final String regex;
    private final int end;
    private int at;

    private RegexAutomaton(String regex, int start, int end) {
        this.regex = regex;
        this.at = start;
        this.end = end;
    }

    /**
     * @param javaRegex a valid {@code java.util.regex} pattern
     * @param maxStates the largest DFA to build
     * @return its minimal DFA, or empty when the pattern is outside the subset or the DFA too large
     */
    static Optional<RunAutomaton> build(String javaRegex, int maxStates) {
        int start = javaRegex.startsWith("^") ? 1 : 0;
        int end = javaRegex.length();
        if (end > start && javaRegex.charAt(end - 1) == '$' && backslashesBefore(javaRegex, end - 1) % 2 == 0) {
            end--;
        }
        try {
            RegexAutomaton parser = new RegexAutomaton(javaRegex, start, end);
            Automaton nfa = parser.alternation();
            if (parser.at != end) {
                throw new Unsupported();
            }
            Automaton dfa = determinize(nfa, maxStates);
            dfa.minimize();
            return Optional.of(new RunAutomaton(dfa, true));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    private static int backslashesBefore(String text, int index) {
        int count = 0;
        while (index - count - 1 >= 0 && text.charAt(index - count - 1) == '\\') {
            count++;
        }
        return count;
    }

    /** The pattern, or its automaton, is outside what this class builds. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Automaton alternation() throws Unsupported {
        Automaton result = sequence();
        while (at < end && regex.charAt(at) == '|') {
            at++;
            result = bounded(result.union(sequence()));
        }
        return result;
    }

    private Automaton sequence() throws Unsupported {
        Automaton result = Automaton.makeEmptyString();
        while (at < end && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            result = bounded(result.concatenate(quantified()));
        }
        return result;
    }

    private Automaton quantified() throws Unsupported {
        Automaton atom = atom();
        if (at >= end) {
            return atom;
        }
        Automaton result;
        switch (regex.charAt(at)) {
            case '*' -> {
                at++;
                result = atom.repeat();
            }
            case '+' -> {
                at++;
                result = atom.repeat(1);
            }
            case '?' -> {
                at++;
                result = atom.optional();
            }
            case '{' -> result = counted(atom);
            default -> {
                return atom;
            }
        }
        if (at < end && regex.charAt(at) == '?') {
            at++; // lazy: the same values match the whole input
        }
        if (at < end && "*+?{".indexOf(regex.charAt(at)) >= 0) {
            throw new Unsupported(); // possessive, or a quantifier quantified
        }
        return bounded(result);
    }

    private Automaton counted(Automaton atom) throws Unsupported {
        at++; // '{'
        int min = number();
        int max = min;
        if (at < end && regex.charAt(at) == ',') {
            at++;
            max = at < end && regex.charAt(at) == '}' ? -1 : number();
        }
        if (at >= end || regex.charAt(at) != '}' || (max >= 0 && max < min)) {
            throw new Unsupported();
        }
        at++;
        long copies = Math.max(min, max) + 1L;
        if (copies * atom.getNumberOfStates() > MAX_NFA_STATES) {
            throw new Unsupported();
        }
        return max < 0 ? atom.repeat(min) : atom.repeat(min, max);
    }

    private int number() throws Unsupported {
        int start = at;
        while (at < end && at - start < 5 && regex.charAt(at) >= '0' && regex.charAt(at) <= '9') {
            at++;
        }
        if (at == start || at - start >= 5) {
            throw new Unsupported();
        }
        return Integer.parseInt(regex, start, at, 10);
    }

    private Automaton atom() throws Unsupported {
        char c = regex.charAt(at);
        switch (c) {
            case '(' -> {
                at++;
                if (regex.startsWith("?:", at)) {
                    at += 2;
                } else if (at < end && regex.charAt(at) == '?') {
                    throw new Unsupported(); // look-around, flags, named or atomic groups
                }
                Automaton group = alternation();
                if (at >= end || regex.charAt(at) != ')') {
                    throw new Unsupported();
                }
                at++;
                return group;
            }
            case '[' -> {
                at++;
                return chars(charClass());
            }
            case '.' -> {
                at++;
                BitSet dot = all();
                for (char terminator : LINE_TERMINATORS) {
                    dot.clear(terminator);
                }
                return chars(dot);
            }
            case '\\' -> {
                at++;
                return chars(escape(false));
            }
            case '^', '$', '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
            default -> {
                at++;
                return chars(single(c));
            }
        }
    }

    /** Reads the escape after a backslash; negated predefined classes only outside classes. */
    private BitSet escape(boolean inClass) throws Unsupported {
        if (at >= end) {
            throw new Unsupported();
        }
        char c = regex.charAt(at++);
        switch (c) {
            case 'd' -> {
                return digits();
            }
            case 'w' -> {
                return word();
            }
            case 's' -> {
                return space();
            }
            case 'D', 'W', 'S' -> {
                if (inClass) {
                    throw new Unsupported();
                }
                BitSet negated = c == 'D' ? digits() : c == 'W' ? word() : space();
                negated.flip(0, Character.MAX_VALUE + 1);
                return negated;
            }
            case 't' -> {
                return single('\t');
            }
            case 'n' -> {
                return single('\n');
            }
            case 'r' -> {
                return single('\r');
            }
            case 'f' -> {
                return single('\f');
            }
            case 'a' -> {
                return single('\u0007');
            }
            case 'e' -> {
                return single('\u001B');
            }
            default -> {
                // Java reads a backslash before any other ASCII non-alphanumeric as that character
                if (c < 128 && !Character.isLetterOrDigit(c)) {
                    return single(c);
                }
                throw new Unsupported();
            }
        }
    }

    /** A class after its '[', as Java reads one without nesting or intersection. */
    private BitSet charClass() throws Unsupported {
        boolean negated = at < end && regex.charAt(at) == '^';
        if (negated) {
            at++;
        }
        if (at >= end || regex.charAt(at) == ']') {
            throw new Unsupported(); // Java reads a leading ']' as a member; we decline it
        }
        BitSet members = new BitSet(Character.MAX_VALUE + 1);
        while (true) {
            if (at >= end) {
                throw new Unsupported();
            }
            char c = regex.charAt(at);
            if (c == ']') {
                at++;
                break;
            }
            if (c == '[' || (c == '&' && at + 1 < end && regex.charAt(at + 1) == '&')) {
                throw new Unsupported();
            }
            int first;
            if (c == '\\') {
                at++;
                BitSet escaped = escape(true);
                if (escaped.cardinality() != 1) {
                    members.or(escaped); // \d \w \s: never the start of a range
                    continue;
                }
                first = escaped.nextSetBit(0);
            } else {
                at++;
                first = member(c);
            }
            int last = first;
            if (at + 1 < end && regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
                at++;
                char d = regex.charAt(at);
                if (d == '[') {
                    throw new Unsupported();
                }
                if (d == '\\') {
                    at++;
                    BitSet escaped = escape(true);
                    if (escaped.cardinality() != 1) {
                        throw new Unsupported();
                    }
                    last = escaped.nextSetBit(0);
                } else {
                    at++;
                    last = member(d);
                }
                if (last < first) {
                    throw new Unsupported();
                }
            }
            members.set(first, last + 1);
        }
        if (negated) {
            members.flip(0, Character.MAX_VALUE + 1);
        }
        return members;
    }

    private static int member(char c) throws Unsupported {
        if (Character.isSurrogate(c)) {
            throw new Unsupported();
        }
        return c;
    }

    private static BitSet single(char c) throws Unsupported {
        BitSet set = new BitSet(Character.MAX_VALUE + 1);
        set.set(member(c));
        return set;
    }

    private static BitSet all() {
        BitSet set = new BitSet(Character.MAX_VALUE + 1);
        set.set(0, Character.MAX_VALUE + 1);
        return set;
    }

    private static BitSet digits() {
        BitSet set = new BitSet(Character.MAX_VALUE + 1);
        set.set('0', '9' + 1);
        return set;
    }

    private static BitSet word() {
        BitSet set = digits();
        set.set('a', 'z' + 1);
        set.set('A', 'Z' + 1);
        set.set('_');
        return set;
    }

    private static BitSet space() {
        BitSet set = new BitSet(Character.MAX_VALUE + 1);
        for (char c : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
            set.set(c);
        }
        return set;
    }

    /** One character out of {@code set}. */
    private static Automaton chars(BitSet set) {
        Automaton automaton = new Automaton();
        State accept = new State();
        accept.setAccept(true);
        for (int from = set.nextSetBit(0); from >= 0; from = set.nextSetBit(from)) {
            int to = set.nextClearBit(from) - 1;
            automaton.getInitialState().addTransition(new Transition((char) from, (char) to, accept));
            from = to + 1;
            if (from > Character.MAX_VALUE) {
                break;
            }
        }
        return automaton;
    }

    private static Automaton bounded(Automaton automaton) throws Unsupported {
        if (automaton.getNumberOfStates() > MAX_NFA_STATES) {
            throw new Unsupported();
        }
        return automaton;
    }

    /** Subset construction that gives up beyond {@code maxStates} states. */
    private static Automaton determinize(Automaton nfa, int maxStates) throws Unsupported {
        List<State> states = new ArrayList<>(nfa.getStates());
        Map<State, Integer> index = new IdentityHashMap<>();
        for (State state : states) {
            index.put(state, index.size());
        }
        int[][] lows = new int[states.size()][];
        int[][] highs = new int[states.size()][];
        int[][] targets = new int[states.size()][];
        for (int i = 0; i < states.size(); i++) {
            List<Transition> transitions = new ArrayList<>(states.get(i).getTransitions());
            lows[i] = new int[transitions.size()];
            highs[i] = new int[transitions.size()];
            targets[i] = new int[transitions.size()];
            for (int t = 0; t < transitions.size(); t++) {
                lows[i][t] = transitions.get(t).getMin();
                highs[i][t] = transitions.get(t).getMax();
                targets[i][t] = index.get(transitions.get(t).getDest());
            }
        }
        char[] points = startPoints(lows, highs);

        Map<Subset, State> built = new HashMap<>();
        List<Subset> pending = new ArrayList<>();
        Subset first = new Subset(new int[] {index.get(nfa.getInitialState())});
        built.put(first, new State());
        pending.add(first);
        BitSet scratch = new BitSet(states.size());
        long work = 0;
        while (!pending.isEmpty()) {
            Subset subset = pending.remove(pending.size() - 1);
            State from = built.get(subset);
            for (int member : subset.states) {
                if (states.get(member).isAccept()) {
                    from.setAccept(true);
                }
            }
            for (int p = 0; p < points.length; p++) {
                char point = points[p];
                scratch.clear();
                for (int member : subset.states) {
                    work += lows[member].length;
                    for (int t = 0; t < lows[member].length; t++) {
                        if (lows[member][t] <= point && point <= highs[member][t]) {
                            scratch.set(targets[member][t]);
                        }
                    }
                }
                if (work > MAX_WORK) {
                    throw new Unsupported();
                }
                if (scratch.isEmpty()) {
                    continue;
                }
                Subset next = new Subset(scratch.stream().toArray());
                State to = built.get(next);
                if (to == null) {
                    if (built.size() >= maxStates) {
                        throw new Unsupported();
                    }
                    to = new State();
                    built.put(next, to);
                    pending.add(next);
                }
                char last = p + 1 < points.length ? (char) (points[p + 1] - 1) : Character.MAX_VALUE;
                from.addTransition(new Transition(point, last, to));
            }
        }
        Automaton dfa = new Automaton();
        dfa.setInitialState(built.get(first));
        dfa.setDeterministic(true);
        return dfa;
    }

    /** @return the sorted first characters of the intervals on which no transition changes */
    private static char[] startPoints(int[][] lows, int[][] highs) {
        BitSet starts = new BitSet(Character.MAX_VALUE + 2);
        starts.set(0);
        for (int i = 0; i < lows.length; i++) {
            for (int t = 0; t < lows[i].length; t++) {
                starts.set(lows[i][t]);
                starts.set(highs[i][t] + 1);
            }
        }
        starts.clear(Character.MAX_VALUE + 1);
        char[] points = new char[starts.cardinality()];
        int n = 0;
        for (int c = starts.nextSetBit(0); c >= 0; c = starts.nextSetBit(c + 1)) {
            points[n++] = (char) c;
        }
        return points;
    }

    /** A set of NFA states, sorted. */
    private record Subset(int[] states) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Subset subset && Arrays.equals(states, subset.states);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(states);
        }

        @Override
        public String toString() {
            return Arrays.toString(states);
        }
    }
}
