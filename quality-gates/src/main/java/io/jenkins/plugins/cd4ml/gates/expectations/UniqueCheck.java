package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.FieldView;
import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.RowBlock;
import io.jenkins.plugins.cd4ml.data.Values;

/**
 * Non-null values are distinct. Memory grows with the number of distinct values (8-16 bytes each):
 * integers are kept exactly, other texts as 64-bit hashes (a false duplicate has probability about
 * n²/2^65, e.g. 3e-6 for ten million values). Unexpected = non-null count - distinct count, the
 * extra rows, as in pandas' {@code duplicated().sum()}.
 *
 * <p>A block's values are added to the set in one tight loop before its rows are judged
 * ({@link #prepare}): each addition is a cache miss into a table of ten million entries, and only
 * a loop without other work lets the misses of consecutive rows overlap (about three times faster
 * than adding row by row between the other checks).
 */
final class UniqueCheck extends RowCheck {
    private final BlockKeys keys;

    UniqueCheck(Expectation expectation, int column, int maxSamples) {
        this(expectation, column, maxSamples, new BlockKeys(column));
    }

    private UniqueCheck(Expectation expectation, int column, int maxSamples, BlockKeys keys) {
        super(expectation, column, maxSamples, "distinct non-null values", row -> keys.outcome(row.index()));
        this.keys = keys;
    }

    @Override
    void prepare(RowBlock block) {
        keys.add(block);
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

    /** The set of values seen, and the outcome of each row of the current block. */
    private static final class BlockKeys {
        private final int column;
        private final LongHashSet seen = new LongHashSet();
        private final FieldView view = new FieldView();
        private long[] values = new long[0];
        private byte[] outcomes = new byte[0];

        BlockKeys(int column) {
            this.column = column;
        }

        void add(RowBlock block) {
            int size = block.size();
            if (values.length < size) {
                values = new long[size];
                outcomes = new byte[size];
            }
            for (int row = 0; row < size; row++) {
                CharSequence text = block.chars(row, column, view);
                outcomes[row] = (byte) (text == null ? RowCheck.Rule.SKIP : RowCheck.Rule.HOLDS);
                if (text != null) {
                    values[row] = key(text);
                }
            }
            for (int row = 0; row < size; row++) {
                if (outcomes[row] != RowCheck.Rule.SKIP && !seen.add(values[row])) {
                    outcomes[row] = RowCheck.Rule.BREAKS;
                }
            }
        }

        int outcome(int row) {
            return outcomes[row];
        }
    }
}
