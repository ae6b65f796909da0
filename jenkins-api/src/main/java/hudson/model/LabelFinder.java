package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.labels.LabelAtom;
import java.util.Collection;

/** Stub of jenkins-core's {@code hudson.model.LabelFinder}. */
public abstract class LabelFinder implements ExtensionPoint {
    public static ExtensionList<LabelFinder> all() {
        throw new UnsupportedOperationException();
    }

    public abstract @NonNull Collection<LabelAtom> findLabels(@NonNull Node node);
}
