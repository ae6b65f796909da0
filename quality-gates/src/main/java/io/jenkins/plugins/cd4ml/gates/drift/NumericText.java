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
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        boolean startOk = first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.';
        boolean endOk = last >= '0' && last <= '9' || last == '.';
        if (!startOk || !endOk) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
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
