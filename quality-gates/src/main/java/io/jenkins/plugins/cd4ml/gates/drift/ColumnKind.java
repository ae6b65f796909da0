package io.jenkins.plugins.cd4ml.gates.drift;

import java.util.Locale;

/** How a column is compared: as numbers (bins on deciles, CDFs) or as categories (proportions). */
public enum ColumnKind {
    /** Every non-null value parses as a finite number in both datasets. */
    NUMERIC,
    /** Anything else: values are compared as category labels. */
    CATEGORICAL;

    /** @return the lower-case name used in reports and configuration */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code numeric} or {@code categorical} (also {@code number}, {@code string}), any case
     * @return the kind
     * @throws IllegalArgumentException for other text
     */
    public static ColumnKind parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "numeric", "number", "numerical", "integral", "fractional", "integer", "decimal" -> NUMERIC;
            case "categorical", "category", "string", "text" -> CATEGORICAL;
            default -> throw new IllegalArgumentException(
                    "unknown column type '" + text + "' (expected numeric or categorical)");
        };
    }
}
