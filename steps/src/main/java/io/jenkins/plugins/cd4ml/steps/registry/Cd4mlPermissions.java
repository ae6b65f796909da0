package io.jenkins.plugins.cd4ml.steps.registry;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import java.util.Locale;
import org.jvnet.localizer.Localizable;

/**
 * The permissions cd4ml adds to Jenkins' authorization matrix. {@link #APPROVE} (approve or reject
 * a model version, move an alias such as {@code production}) is granted per job and implied by
 * {@code Job/Configure}, so administrators and job owners have it without extra setup.
 */
public final class Cd4mlPermissions {
    /** The "Machine learning" group in the matrix. */
    public static final PermissionGroup GROUP = new PermissionGroup(Cd4mlPermissions.class,
            new Text("Machine learning"));

    /** Approve/reject model versions and move registry aliases. */
    public static final Permission APPROVE = new Permission(GROUP, "Approve",
            new Text("Approve or reject registered model versions and move aliases such as production."),
            Item.CONFIGURE, PermissionScope.ITEM);

    private Cd4mlPermissions() {
    }

    /**
     * Loads this class when Jenkins starts, which registers {@link #GROUP} and {@link #APPROVE}: the
     * authorization matrix lists only permissions whose class was loaded.
     */
    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static void register() {
        // the static initialisers above did the work
    }

    /** A fixed English text; the plugin has no message bundles yet. */
    private static final class Text extends Localizable {
        private static final long serialVersionUID = 1L;

        private final String text;

        Text(String text) {
            super(null, text);
            this.text = text;
        }

        @Override
        public String toString(Locale locale) {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
