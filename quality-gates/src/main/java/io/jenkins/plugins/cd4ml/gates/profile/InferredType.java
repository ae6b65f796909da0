package io.jenkins.plugins.cd4ml.gates.profile;

/** A column's type as a profile records it (SageMaker's {@code inferred_type} vocabulary). */
public enum InferredType {
    /** Whole numbers only. */
    INTEGRAL("Integral"),
    /** Numbers, some with a fraction or exponent. */
    FRACTIONAL("Fractional"),
    /** Anything else. */
    STRING("String"),
    /** No non-null value was seen. */
    UNKNOWN("Unknown");

    private final String sageMakerName;

    InferredType(String sageMakerName) {
        this.sageMakerName = sageMakerName;
    }

    /** @return the name in SageMaker's statistics.json / constraints.json */
    public String sageMakerName() {
        return sageMakerName;
    }

    /** @return whether values are numbers */
    public boolean isNumeric() {
        return this == INTEGRAL || this == FRACTIONAL;
    }

    /**
     * @param text a name in either vocabulary, any case
     * @return the type
     * @throws IllegalArgumentException for other text
     */
    public static InferredType parse(String text) {
        for (InferredType type : values()) {
            if (type.name().equalsIgnoreCase(text) || type.sageMakerName.equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown inferred type '" + text
                + "' (expected Integral, Fractional, String or Unknown)");
    }
}
