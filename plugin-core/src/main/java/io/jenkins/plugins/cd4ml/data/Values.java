package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.data.InvalidValueException.Problem;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Strict, allocation-free parsers for the {@link ColumnType}s. Numbers are plain decimal only:
 * no hexadecimal, no {@code 1d}/{@code 1f} suffixes, no {@code NaN}/{@code Infinity}, no spaces.
 * Dates are epoch days; timestamps are epoch microseconds (UTC).
 */
public final class Values {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Values() {
    }

    /**
     * Checks a text against a type.
     *
     * @param type the type
     * @param text the non-null cell text
     * @return null when it is a value of the type, else the reason it is not
     */
    public static InvalidValueException check(ColumnType type, CharSequence text) {
        try {
            switch (type) {
                case INTEGER -> parseInteger(text);
                case DECIMAL -> parseDecimal(text.toString());
                case BOOLEAN -> parseBoolean(text);
                case DATE -> parseDate(text);
                case TIMESTAMP -> parseTimestamp(text);
                case STRING -> {
                    // every text is a string
                }
            }
            return null;
        } catch (InvalidValueException e) {
            return e;
        }
    }

    /**
     * @param text decimal digits with an optional sign
     * @return the value
     * @throws InvalidValueException when malformed or outside the 64-bit range
     */
    public static long parseInteger(CharSequence text) throws InvalidValueException {
        if (text instanceof FieldView view) { // a cell read in place: its bytes, without a call per character
            return view.parseInteger();
        }
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i == length) {
            throw malformed(text, "an integer");
        }
        long value = 0;
        for (; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(text, "an integer");
            }
            if (value <= OVERFLOW_LIMIT && (value < OVERFLOW_LIMIT || digit > 8)) {
                return overflow(text);
            }
            value = value * 10 - digit; // accumulated negatively so that Long.MIN_VALUE fits
        }
        if (!negative && value == Long.MIN_VALUE) {
            return overflow(text);
        }
        return negative ? value : -value;
    }

    /**
     * As {@link #parseInteger(CharSequence)}, straight from ASCII or UTF-8 bytes.
     *
     * @param bytes the bytes
     * @param from the first byte
     * @param to one past the last byte
     * @return the value
     * @throws InvalidValueException when malformed or outside the 64-bit range
     */
    public static long parseInteger(byte[] bytes, int from, int to) throws InvalidValueException {
        int i = from;
        boolean negative = false;
        if (to > from && (bytes[from] == '-' || bytes[from] == '+')) {
            negative = bytes[from] == '-';
            i++;
        }
        if (i == to) {
            throw malformed(new String(bytes, from, to - from, StandardCharsets.UTF_8), "an integer");
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(new String(bytes, from, to - from, StandardCharsets.UTF_8), "an integer");
            }
            if (value <= OVERFLOW_LIMIT && (value < OVERFLOW_LIMIT || digit > 8)) {
                return overflow(new String(bytes, from, to - from, StandardCharsets.UTF_8));
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return overflow(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        }
        return negative ? value : -value;
    }

    /**
     * The most negative value that may take one more digit: at it, only digits up to 8 fit
     * ({@code Long.MIN_VALUE} ends in 8). A constant, so the digit loop has no division.
     */
    private static final long OVERFLOW_LIMIT = Long.MIN_VALUE / 10;

    private static long overflow(CharSequence text) throws InvalidValueException {
        throw new InvalidValueException(Problem.OVERFLOW, "'" + abbreviate(text) + "' overflows a 64-bit integer");
    }

    /**
     * Parses a finite decimal number: {@code [+-]digits[.digits][(e|E)[+-]digits]} (a leading or
     * trailing dot is allowed when digits stand on the other side).
     *
     * @param text the text
     * @return the nearest double (correctly rounded)
     * @throws InvalidValueException when malformed, NaN, infinite, or too large for a double
     */
    public static double parseDecimal(String text) throws InvalidValueException {
        // numbers are ASCII: any other character becomes '?', which the parser refuses
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return parseDecimal(bytes, 0, bytes.length, text);
    }

    /**
     * Parses a plain decimal number written in UTF-8 bytes, without making a {@code String} unless
     * the value is refused or needs the slow path.
     *
     * @param bytes the bytes
     * @param from the first byte of the number
     * @param to one past its last byte
     * @return the value
     * @throws InvalidValueException when it is not a finite decimal number
     */
    public static double parseDecimal(byte[] bytes, int from, int to) throws InvalidValueException {
        double plain = plainDecimal(bytes, from, to);
        return plain == plain ? plain : parseDecimal(bytes, from, to, null); // NaN: not the plain form
    }

    /**
     * The common form only, {@code [+-]digits[.digits]} with at most 15 digits in all: one
     * predictable branch per character, then Clinger's exact fast path (15 digits always fit in the
     * 53 bits of a double, and so does the power of ten). Everything else, errors included, is left
     * to the general parser.
     *
     * @return the value, or NaN when the text is not in the plain form
     */
    private static double plainDecimal(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        double words = wordDecimal(b, i, to);
        if (words == words) {
            return negative ? -words : words;
        }
        int firstDigit = i;
        int dot = -1;
        long mantissa = 0;
        for (; i < to; i++) {
            int digit = b[i] - '0';
            if (digit >= 0 && digit <= 9) {
                mantissa = mantissa * 10 + digit;
            } else if (b[i] == '.' && dot < 0) {
                dot = i;
            } else {
                return Double.NaN;
            }
        }
        int digits = to - firstDigit - (dot < 0 ? 0 : 1);
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double value = dot < 0 ? mantissa : mantissa / POWERS_OF_TEN[to - dot - 1];
        return negative ? -value : value;
    }

    /**
     * {@code digits[.digits]} with at most eight digits on either side, fifteen in all, each side
     * read as one word ("SWAR": eight digits checked and combined with three multiplications, no
     * branch per digit). The mantissa is the same integer as the byte loop's, so is the value.
     *
     * @return the value, or NaN when the text is not in this form or a side has no full word before it
     */
    private static double wordDecimal(byte[] b, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > 17) {
            return Double.NaN;
        }
        int dot = -1;
        int limit = Math.min(to, from + 9);
        for (int k = from; k < limit; k++) {
            if (b[k] == '.') {
                dot = k;
                break;
            }
        }
        int whole = (dot < 0 ? to : dot) - from;
        int fraction = dot < 0 ? 0 : to - dot - 1;
        if (whole > 8 || fraction > 8 || whole + fraction == 0 || whole + fraction > 15) {
            return Double.NaN;
        }
        long wholeValue = whole == 0 ? 0 : lastDigits(b, from + whole, whole);
        long fractionValue = fraction == 0 ? 0 : lastDigits(b, to, fraction);
        if (wholeValue < 0 || fractionValue < 0) {
            return Double.NaN;
        }
        long mantissa = wholeValue * (long) POWERS_OF_TEN[fraction] + fractionValue;
        return dot < 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
    }

    private static final long ZERO_DIGITS = 0x3030303030303030L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;

    /**
     * @param end the index after the last digit
     * @param count how many digits end there, 1 to 8
     * @return their value, or -1 when one is not a digit or no word fits before {@code end}
     */
    private static long lastDigits(byte[] b, int end, int count) {
        if (end < Long.BYTES) {
            return -1;
        }
        long keep = -1L << (Long.BYTES - count) * 8; // the word's highest bytes are the last digits
        long word = ByteWords.word(b, end - Long.BYTES) & keep | ZERO_DIGITS & ~keep;
        // a digit's high nibble is 3, and adding 6 does not carry out of its low nibble
        if (((word & HIGH_NIBBLES) | (((word + 0x0606060606060606L) & HIGH_NIBBLES) >>> 4)) != 0x3333333333333333L) {
            return -1;
        }
        long value = word - ZERO_DIGITS;
        value = value * 10 + (value >>> 8); // pairs of digits
        return ((value & 0x000000FF000000FFL) * (100 + (1000000L << 32))
                + ((value >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32))) >>> 32;
    }

    private static double parseDecimal(byte[] text, int from, int length, String shown) throws InvalidValueException {
        int i = from;
        boolean negative = false;
        if (length > from && (text[from] == '-' || text[from] == '+')) {
            negative = text[from] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean exact = true;
        int start = i;
        for (; i < length; i++) {
            int c = text[i];
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (significant < 18) {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exact = false;
                scale++;
            }
        }
        if (i < length && text[i] == '.') {
            i++;
            for (; i < length; i++) {
                int c = text[i];
                if (c < '0' || c > '9') {
                    break;
                }
                digits++;
                if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                    scale--;
                } else if (c != '0') {
                    exact = false;
                }
            }
        }
        if (digits == 0) {
            String all = shown(text, from, length, shown);
            throw notANumber(all, start - from);
        }
        if (i < length && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < length && (text[i] == '-' || text[i] == '+')) {
                negativeExponent = text[i] == '-';
                i++;
            }
            int exponentStart = i;
            int exponent = 0;
            for (; i < length; i++) {
                int c = text[i];
                if (c < '0' || c > '9') {
                    break;
                }
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (c - '0');
                }
            }
            if (i == exponentStart) {
                throw malformed(shown(text, from, length, shown), "a decimal number");
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != length) {
            throw malformed(shown(text, from, length, shown), "a decimal number");
        }
        double value;
        // Clinger's fast path: both operands exact, one correctly rounded operation
        if (exact && mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
            value = scale < 0 ? mantissa / POWERS_OF_TEN[-scale] : mantissa * POWERS_OF_TEN[scale];
        } else {
            value = Math.abs(Double.parseDouble(shown(text, from, length, shown)));
        }
        if (Double.isInfinite(value)) {
            throw new InvalidValueException(Problem.OVERFLOW,
                    "'" + abbreviate(shown(text, from, length, shown)) + "' is too large for a decimal number (a double)");
        }
        return negative ? -value : value;
    }

    private static String shown(byte[] bytes, int from, int to, String shown) {
        return shown != null ? shown : new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param text {@code true} or {@code false}, any case
     * @return the value
     * @throws InvalidValueException otherwise
     */
    public static boolean parseBoolean(CharSequence text) throws InvalidValueException {
        if ("true".equalsIgnoreCase(text.toString())) {
            return true;
        }
        if ("false".equalsIgnoreCase(text.toString())) {
            return false;
        }
        throw malformed(text, "a boolean (true or false)");
    }

    /**
     * @param text {@code yyyy-MM-dd}
     * @return days since 1970-01-01
     * @throws InvalidValueException when malformed or not a calendar date
     */
    public static long parseDate(CharSequence text) throws InvalidValueException {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw malformed(text, "a date (yyyy-MM-dd)");
        }
        int year = digits(text, 0, 4, "a date (yyyy-MM-dd)");
        int month = digits(text, 5, 7, "a date (yyyy-MM-dd)");
        int day = digits(text, 8, 10, "a date (yyyy-MM-dd)");
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)) {
            throw malformed(text, "a calendar date (yyyy-MM-dd)");
        }
        return epochDay(year, month, day);
    }

    /**
     * @param text {@code yyyy-MM-dd HH:mm:ss} (or {@code T}), optional {@code .fraction} of up to 9
     *     digits, optional {@code Z} or {@code ±hh:mm}
     * @return microseconds since 1970-01-01T00:00:00Z
     * @throws InvalidValueException when malformed or not a valid date and time
     */
    public static long parseTimestamp(CharSequence text) throws InvalidValueException {
        String expected = "a timestamp (yyyy-MM-dd HH:mm:ss)";
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != ' ' && text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            throw malformed(text, expected);
        }
        int year = digits(text, 0, 4, expected);
        int month = digits(text, 5, 7, expected);
        int day = digits(text, 8, 10, expected);
        int hour = digits(text, 11, 13, expected);
        int minute = digits(text, 14, 16, expected);
        int second = digits(text, 17, 19, expected);
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            throw malformed(text, "a valid " + expected.substring(2));
        }
        long micros = 0;
        int i = 19;
        if (i < length && text.charAt(i) == '.') {
            int start = ++i;
            long fraction = 0;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                if (i - start < 6) {
                    fraction = fraction * 10 + (text.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                throw malformed(text, expected);
            }
            for (int k = count; k < 6; k++) {
                fraction *= 10;
            }
            micros = fraction;
        }
        long offsetSeconds = 0;
        if (i < length) {
            String zone = text.subSequence(i, length).toString();
            try {
                offsetSeconds = zone.equals("Z") ? 0 : ZoneOffset.of(zone).getTotalSeconds();
            } catch (DateTimeException e) {
                throw malformed(text, expected);
            }
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1_000_000L + micros;
    }

    /**
     * Parses an ISO date or timestamp as written in an expectations file.
     *
     * @param text {@code yyyy-MM-dd} or a timestamp
     * @return microseconds since the epoch (a date is its midnight, UTC)
     * @throws InvalidValueException when neither
     */
    public static long parseInstantMicros(CharSequence text) throws InvalidValueException {
        if (text.length() == 10) {
            return parseDate(text) * 86_400_000_000L;
        }
        return parseTimestamp(text);
    }

    /**
     * @param epochDay days since 1970-01-01
     * @return the ISO date
     */
    public static String formatDate(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /**
     * @param micros microseconds since the epoch
     * @return the ISO timestamp in UTC, {@code yyyy-MM-dd HH:mm:ss[.ffffff]}
     */
    public static String formatTimestamp(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        OffsetDateTime time = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        String text = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", time.getYear(),
                time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
        return fraction == 0 ? text : text + String.format(Locale.ROOT, ".%06d", fraction);
    }

    /**
     * Formats a number for reports: integers without a fraction, others with up to 17 significant
     * digits (round-trips).
     *
     * @param value the number
     * @return its text
     */
    public static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static int digits(CharSequence text, int from, int to, String expected) throws InvalidValueException {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(text, expected);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static long epochDay(int year, int month, int day) {
        // Howard Hinnant's days_from_civil
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static InvalidValueException notANumber(String text, int start) {
        String rest = text.substring(start).toLowerCase(Locale.ROOT);
        if (rest.equals("nan") || rest.equals("inf") || rest.equals("infinity")) {
            return new InvalidValueException(Problem.NOT_FINITE,
                    "'" + text + "' is not a finite number (expected a decimal number; NaN and infinities are not allowed)");
        }
        return malformed(text, "a decimal number");
    }

    private static InvalidValueException malformed(CharSequence text, String expected) {
        return new InvalidValueException(Problem.MALFORMED, "'" + abbreviate(text.toString()) + "' is not " + expected);
    }

    static String abbreviate(CharSequence chars) {
        String text = chars.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
