package io.jenkins.plugins.cd4ml.gates.metrics;

import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.Values;

/**
 * Strict, fast parsing of decimal numbers from data files: {@code [+-]digits[.digits][e[+-]digits]}
 * and nothing else (no NaN, Infinity, hexadecimal or type suffixes, which
 * {@link Double#parseDouble} would accept). Short decimals, the common case in prediction files,
 * are converted exactly by one correctly rounded division (Clinger's fast path); others go
 * through {@link Double#parseDouble}, so every result equals the JDK's.
 */
public final class Decimal {
    private Decimal() {
    }

    /**
     * Parses a finite decimal number (the data readers' {@link Values#parseDecimal(String)}, with
     * this package's exception type).
     *
     * @param text the text
     * @return the closest double
     * @throws NumberFormatException when the text is not a plain, finite decimal number
     */
    public static double parse(String text) {
        try {
            return Values.parseDecimal(text);
        } catch (InvalidValueException e) {
            throw new NumberFormatException(e.getMessage());
        }
    }
}
