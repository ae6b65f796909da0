package io.jenkins.plugins.cd4ml.data;

import java.util.Locale;

/**
 * The logical type of a column. Values are parsed strictly (see {@link Values}): a value either is
 * of the type or it is not; nothing is coerced silently.
 */
public enum ColumnType {
    /** A 64-bit signed integer written in decimal ({@code -12}, {@code 42}). */
    INTEGER,
    /** A finite decimal number ({@code 3.14}, {@code -1e-3}); NaN and infinities are not numbers. */
    DECIMAL,
    /** {@code true} or {@code false}, ignoring case. */
    BOOLEAN,
    /** Any text. */
    STRING,
    /** An ISO-8601 calendar date, {@code yyyy-MM-dd}. */
    DATE,
    /**
     * An ISO-8601 date and time, {@code yyyy-MM-dd HH:mm:ss} or with {@code T}, optional fraction
     * of a second and optional {@code Z} / {@code +hh:mm} offset (local times are read as UTC).
     */
    TIMESTAMP;

    /** @return the name used in expectations files, e.g. {@code integer} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether values of this type are numbers */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** @return whether values of this type are points in time */
    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP;
    }

    /**
     * Whether a text is a value of this type.
     *
     * @param text the non-null cell text
     * @return true when {@link Values} parses it as this type
     */
    public boolean accepts(CharSequence text) {
        return Values.check(this, text) == null;
    }

    /**
     * Parses a type name as written in expectations files ({@code integer}, {@code decimal},
     * {@code boolean}, {@code string}, {@code date}, {@code timestamp}; aliases {@code int},
     * {@code long}, {@code float}, {@code double}, {@code number}, {@code bool}, {@code text},
     * {@code datetime}).
     *
     * @param name the name
     * @return the type
     * @throws IllegalArgumentException for an unknown name
     */
    public static ColumnType parseName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "integer", "int", "long" -> INTEGER;
            case "decimal", "float", "double", "number" -> DECIMAL;
            case "boolean", "bool" -> BOOLEAN;
            case "string", "text" -> STRING;
            case "date" -> DATE;
            case "timestamp", "datetime" -> TIMESTAMP;
            default -> throw new IllegalArgumentException("unknown column type '" + name
                    + "' (expected one of integer, decimal, boolean, string, date, timestamp)");
        };
    }
}
