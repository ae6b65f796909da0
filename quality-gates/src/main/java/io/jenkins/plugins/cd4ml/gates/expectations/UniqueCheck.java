package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.Values;

/**
 * Non-null values are distinct. Memory grows with the number of distinct values (8-16 bytes each):
 * integers are kept exactly, other texts as 64-bit hashes (a false duplicate has probability about
 * n²/2^65, e.g. 3e-6 for ten million values). Unexpected = non-null count - distinct count, the
 * extra rows, as in pandas' {@code duplicated().sum()}.
 */
final class UniqueCheck extends RowCheck {
    UniqueCheck(Expectation expectation, int column, int maxSamples) {
        this(expectation, column, maxSamples, new LongHashSet());
    }

    private UniqueCheck(Expectation expectation, int column, int maxSamples, LongHashSet seen) {
        super(expectation, column, maxSamples, "distinct non-null values", row -> {
            CharSequence text = row.chars(column);
            if (text == null) {
                return Rule.SKIP;
            }
            return seen.add(key(text)) ? Rule.HOLDS : Rule.BREAKS;
        });
    }

    static long key(CharSequence text) {
        char first = text.isEmpty() ? 'x' : text.charAt(0);
        if (text.length() <= 19 && (first >= '0' && first <= '9' || first == '-')) {
            try {
                return LongHashSet.mix(Values.parseInteger(text));
            } catch (InvalidValueException notAnInteger) {
                // hashed as text below
            }
        }
        return LongHashSet.hash(text);
    }
}
