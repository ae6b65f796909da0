package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.AbstractCIBase;
import hudson.model.Computer;
import hudson.model.Descriptor;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.labels.LabelAtom;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import java.io.File;
import java.io.IOException;

/** Stub of jenkins-core's {@code jenkins.model.Jenkins}. */
public class Jenkins extends AbstractCIBase implements AccessControlled, Loadable {
    public static final PermissionGroup PERMISSIONS = null;
    public static final Permission ADMINISTER = null;
    public static final Permission MANAGE = null;
    public static final Permission SYSTEM_READ = null;
    public static final Permission READ = null;

    private Jenkins() {
    }

    @NonNull
    public @Nullable String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException();
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public Computer[] getComputers() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    public Label getLabel(String expr) {
        throw new UnsupportedOperationException();
    }

    public @Nullable LabelAtom getLabelAtom(@CheckForNull String name) {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull Node getNode(String name) {
        throw new UnsupportedOperationException();
    }

    @Override public @NonNull FilePath getRootPath() {
        throw new UnsupportedOperationException();
    }

    public boolean updateNode(Node n) throws IOException {
        throw new UnsupportedOperationException();
    }

    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getLabelString() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void load() throws IOException {
        throw new UnsupportedOperationException();
    }
}
