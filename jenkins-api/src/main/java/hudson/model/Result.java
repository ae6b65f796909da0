package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Stub of jenkins-core's {@code hudson.model.Result}. Unlike other stubs the constants are real
 * values (name and ordinal as in core) so that the verdict-to-result mapping can be unit-tested.
 */
public final class Result implements Serializable {
    public static final @NonNull Result SUCCESS = new Result("SUCCESS", 0);
    public static final @NonNull Result UNSTABLE = new Result("UNSTABLE", 1);
    public static final @NonNull Result FAILURE = new Result("FAILURE", 2);
    public static final @NonNull Result NOT_BUILT = new Result("NOT_BUILT", 3);
    public static final @NonNull Result ABORTED = new Result("ABORTED", 4);

    public final int ordinal;

    private final String name;

    private Result(@NonNull String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    public @NonNull Result combine(@NonNull Result that) {
        return ordinal < that.ordinal ? that : this;
    }

    public boolean isWorseThan(@NonNull Result that) {
        return ordinal > that.ordinal;
    }

    public boolean isWorseOrEqualTo(@NonNull Result that) {
        return ordinal >= that.ordinal;
    }

    public boolean isBetterThan(@NonNull Result that) {
        return ordinal < that.ordinal;
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        return ordinal <= that.ordinal;
    }

    @Override
    public @NonNull String toString() {
        return name;
    }
}
