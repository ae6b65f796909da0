package io.jenkins.plugins.cd4ml.steps.support;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.User;
import hudson.model.labels.LabelAtom;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * The only class that talks to the {@link Jenkins} singleton. Everything else receives a facade,
 * so glue code can be unit-tested with a fake one (an ArchUnit rule enforces this).
 */
public class JenkinsFacade implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Throws unless the current user has the permission on the given object (or, when the object
     * is {@code null}, on Jenkins itself) — the check every {@code do*} web method starts with.
     *
     * @param context the item, run or computer the request is about; {@code null} for global
     * @param permission the permission required
     */
    public void checkPermission(@CheckForNull AccessControlled context, @NonNull Permission permission) {
        accessControlled(context).checkPermission(permission);
    }

    /**
     * @param context the item, run or computer the request is about; {@code null} for global
     * @param permission the permission to test
     * @return whether the current user has the permission there
     */
    public boolean hasPermission(@CheckForNull AccessControlled context, @NonNull Permission permission) {
        return accessControlled(context).hasPermission(permission);
    }

    /** @return {@code JENKINS_HOME} on the controller */
    public @NonNull File getRootDir() {
        return Jenkins.get().getRootDir();
    }

    /**
     * @param type an extension registered exactly once, e.g. a {@code GlobalConfiguration}
     * @param <T> its type
     * @return the registered instance
     */
    @NonNull
    public <T> T getSingleton(@NonNull Class<T> type) {
        return ExtensionList.lookupSingleton(type);
    }

    /**
     * @param type an extension point
     * @param <T> its type
     * @return the registered implementations, in ordinal order
     */
    @NonNull
    public <T> List<T> getExtensionList(@NonNull Class<T> type) {
        return ExtensionList.lookup(type);
    }

    /** @return the controller's root URL as configured, or {@code null} if not set */
    public @CheckForNull String getRootUrl() {
        return Jenkins.get().getRootUrl();
    }

    /**
     * @return the id of the user the current thread acts for, or {@code "pipeline"} when it acts
     *     for no one (a build running as the system)
     */
    public @NonNull String getCurrentUserId() {
        User user = User.current();
        return user == null ? "pipeline" : user.getId();
    }

    /**
     * @param name a label name, e.g. {@code gpu} or {@code gpu-a100}
     * @return the label atom Jenkins knows by that name
     */
    public Optional<LabelAtom> getLabelAtom(@NonNull String name) {
        return Optional.ofNullable(Jenkins.get().getLabelAtom(name));
    }

    /**
     * Saves a node and lets Jenkins recompute which labels it carries, e.g. after a label finder's
     * cache changed.
     *
     * @param node the node
     * @return whether Jenkins knew the node
     * @throws IOException if the node could not be saved
     */
    public boolean updateNode(@NonNull Node node) throws IOException {
        return Jenkins.get().updateNode(node);
    }

    /**
     * Lists the IDs (with names) of the credentials visible at the top level, for a global
     * configuration form. Secrets are never read. Callers check {@code Jenkins.ADMINISTER} first.
     *
     * @param current the field's current value, kept in the list even if no longer visible
     * @return the choices, an empty one first
     */
    public @NonNull ListBoxModel listCredentialIds(@CheckForNull String current) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .include(Jenkins.get(), StandardCredentials.class)
                .includeCurrentValue(current == null ? "" : current);
    }

    /**
     * Lists the IDs (with names) of the credentials visible from an item (its folders and the global
     * store) to the current user, for a form inside that item, e.g. a step in the snippet generator.
     * Secrets are never read. Callers check {@code Item.EXTENDED_READ} or {@code Item.CONFIGURE} first.
     *
     * @param context the item the form belongs to
     * @param current the field's current value, kept in the list even if no longer visible
     * @return the choices, an empty one first
     */
    public @NonNull ListBoxModel listCredentialIds(@NonNull Item context, @CheckForNull String current) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .include(context, StandardCredentials.class)
                .includeCurrentValue(current == null ? "" : current);
    }

    /**
     * The list for a user who may not see which credentials exist: only the field's current value.
     *
     * @param current the field's current value
     * @return a list holding only that value
     */
    public @NonNull ListBoxModel currentCredentialIdOnly(@CheckForNull String current) {
        return new StandardListBoxModel().includeCurrentValue(current == null ? "" : current);
    }

    private static AccessControlled accessControlled(@CheckForNull AccessControlled context) {
        return context != null ? context : Jenkins.get();
    }
}
