package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;

/** Stub of jenkins-core's {@code hudson.model.Item}: the item permissions. */
public interface Item extends AccessControlled {
    PermissionGroup PERMISSIONS = null;
    Permission CREATE = null;
    Permission DELETE = null;
    Permission CONFIGURE = null;
    Permission READ = null;
    Permission EXTENDED_READ = null;
    Permission BUILD = null;
    Permission WORKSPACE = null;

    String getFullName();
}
