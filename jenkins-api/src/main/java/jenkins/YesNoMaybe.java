package jenkins;

/** Stub of jenkins-core's {@code jenkins.YesNoMaybe}. */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE;

    public static Boolean toBoolean(YesNoMaybe v) {
        throw new UnsupportedOperationException();
    }

    public Boolean toBool() {
        throw new UnsupportedOperationException();
    }
}
