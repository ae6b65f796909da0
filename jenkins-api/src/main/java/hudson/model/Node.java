package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.ExtensionPoint;
import hudson.model.labels.LabelAtom;
import hudson.security.AccessControlled;
import java.util.Set;

/** Stub of jenkins-core's {@code hudson.model.Node}. */
public abstract class Node extends AbstractModelObject implements ExtensionPoint, AccessControlled {
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public abstract String getNodeName();

    @CheckForNull
    public final Computer toComputer() {
        throw new UnsupportedOperationException();
    }

    public Set<LabelAtom> getAssignedLabels() {
        throw new UnsupportedOperationException();
    }

    public abstract String getLabelString();

    public abstract @CheckForNull FilePath getRootPath();

    public LabelAtom getSelfLabel() {
        throw new UnsupportedOperationException();
    }
}
