package hudson.model.labels;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Label;
import hudson.model.Saveable;
import java.io.IOException;

/** Stub of jenkins-core's {@code hudson.model.labels.LabelAtom}. */
public class LabelAtom extends Label implements Saveable {
    public LabelAtom(@NonNull String name) {
        super(name);
    }

    @Override
    public String getExpression() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException();
    }

    public static @Nullable LabelAtom get(@CheckForNull String l) {
        throw new UnsupportedOperationException();
    }

    public static String escape(String name) {
        throw new UnsupportedOperationException();
    }
}
