package io.jenkins.plugins.cd4ml.gates.drift;

import com.fasterxml.jackson.core.io.NumberInput;

/** Recognises plain decimal numbers in cells ({@code 42}, {@code -1.5e3}); not NaN, Infinity or hex. */
public final class NumericText {
    private NumericText() {
    }

    /**
     * @param text a non-empty cell
     * @return whether it is written like a decimal number
     */
    public static boolean looksNumeric(String text) {
        // the parser rejects anything else that is malformed; these ends rule out NaN, Infinity,
        // Java's 1d/1f suffixes and surrounding blanks, which it would accept
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        return (first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.')
                && (last >= '0' && last <= '9' || last == '.')
                && !isHex(text);
    }

    private static boolean isHex(String text) {
        int at = text.charAt(0) == '-' || text.charAt(0) == '+' ? 2 : 1;
        return text.length() > at && (text.charAt(at) == 'x' || text.charAt(at) == 'X');
    }

    /**
     * Parses a cell as a number.
     *
     * @param text a non-empty cell
     * @return the value, or NaN when the cell is not a plain decimal number
     */
    public static double parse(String text) {
        if (!looksNumeric(text)) {
            return Double.NaN;
        }
        try {
            return NumberInput.parseDouble(text, true);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
