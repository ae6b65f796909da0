package io.jenkins.plugins.cd4ml.gates.expectations;

/** A comparison between two columns of the same row. */
public enum Operator {
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Equal. */
    EQ("=="),
    /** Not equal. */
    NE("!="),
    /** Greater than or equal. */
    GE(">="),
    /** Greater than. */
    GT(">");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** @return the symbol as written in files, e.g. {@code <=} */
    public String symbol() {
        return symbol;
    }

    /**
     * @param comparison the sign of {@code compare(left, right)}
     * @return whether the operator holds
     */
    public boolean holds(int comparison) {
        return switch (this) {
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GE -> comparison >= 0;
            case GT -> comparison > 0;
        };
    }

    /**
     * @param symbol {@code <}, {@code <=}, {@code ==} (or {@code =}), {@code !=}, {@code >=}, {@code >}
     * @return the operator, or null when unknown
     */
    public static Operator bySymbol(String symbol) {
        String s = symbol.trim();
        if (s.equals("=")) {
            return EQ;
        }
        for (Operator operator : values()) {
            if (operator.symbol.equals(s)) {
                return operator;
            }
        }
        return null;
    }
}
