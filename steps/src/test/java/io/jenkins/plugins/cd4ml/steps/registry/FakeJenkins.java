package io.jenkins.plugins.cd4ml.steps.registry;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** A facade without Jenkins: a root directory, a user, and permissions granted or not. */
final class FakeJenkins extends JenkinsFacade {
    private static final long serialVersionUID = 1L;

    final List<Permission> checked = new ArrayList<>();
    final List<AccessControlled> contexts = new ArrayList<>();
    private final File root;
    private final String user;
    private final boolean granted;

    FakeJenkins(File root, String user, boolean granted) {
        this.root = root;
        this.user = user;
        this.granted = granted;
    }

    @Override
    public void checkPermission(AccessControlled context, Permission permission) {
        checked.add(permission);
        contexts.add(context);
        if (!granted) {
            throw new SecurityException(user + " is missing the " + permission.name + " permission");
        }
    }

    @Override
    public boolean hasPermission(AccessControlled context, Permission permission) {
        return granted;
    }

    @Override
    public File getRootDir() {
        return root;
    }

    @Override
    public String getCurrentUserId() {
        return user;
    }

    @Override
    public <T> List<T> getExtensionList(Class<T> type) {
        return List.of();
    }

    @Override
    public String getRootUrl() {
        return "https://ci.example/";
    }
}
