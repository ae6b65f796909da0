package io.jenkins.plugins.cd4ml.gates.metrics;

/**
 * Strict, fast parsing of decimal numbers from data files: {@code [+-]digits[.digits][e[+-]digits]}
 * and nothing else (no NaN, Infinity, hexadecimal or type suffixes, which
 * {@link Double#parseDouble} would accept). Short decimals, the common case in prediction files,
 * are converted exactly by one correctly rounded division (Clinger's fast path); others go
 * through {@link Double#parseDouble}, so every result equals the JDK's.
 */
public final class Decimal {
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Decimal() {
    }

    /**
     * Parses a finite decimal number.
     *
     * @param text the text
     * @return the closest double
     * @throws NumberFormatException when the text is not a plain decimal number
     */
    public static double parse(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean fraction = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (fraction) {
                    fractionDigits++;
                }
                if (significant > 0 || c != '0') {
                    significant++;
                    if (significant <= 18) {
                        mantissa = mantissa * 10 + (c - '0');
                    }
                }
            } else if (c == '.' && !fraction) {
                fraction = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        if (i == length) {
            if (significant <= 15 && fractionDigits < POWERS_OF_TEN.length) {
                double value = mantissa / POWERS_OF_TEN[fractionDigits];
                return negative ? -value : value;
            }
            return Double.parseDouble(text);
        }
        char e = text.charAt(i);
        if (e != 'e' && e != 'E') {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        i++;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int exponentStart = i;
        while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == exponentStart || i != length) {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException("out of range: '" + text + "'");
        }
        return value;
    }
}
