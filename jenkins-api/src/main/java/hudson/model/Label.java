package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.labels.LabelAtom;
import java.util.Collection;
import java.util.Set;

/** Stub of jenkins-core's {@code hudson.model.Label}. */
public abstract class Label extends Actionable implements Comparable<Label> {
    protected Label(@NonNull String name) {
        throw new UnsupportedOperationException();
    }

    public final String getName() {
        throw new UnsupportedOperationException();
    }

    @Override
    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public abstract String getExpression();

    public boolean isAtom() {
        throw new UnsupportedOperationException();
    }

    public final boolean matches(final Collection<LabelAtom> labels) {
        throw new UnsupportedOperationException();
    }

    public final boolean matches(Node n) {
        throw new UnsupportedOperationException();
    }

    public Set<Node> getNodes() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final int compareTo(Label that) {
        throw new UnsupportedOperationException();
    }

    public static Set<LabelAtom> parse(@CheckForNull String labels) {
        throw new UnsupportedOperationException();
    }

    public static Label get(String l) {
        throw new UnsupportedOperationException();
    }

    public static Label parseExpression(@NonNull String labelExpression) {
        throw new UnsupportedOperationException();
    }
}
