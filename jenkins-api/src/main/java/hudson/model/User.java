package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;

/** Stub of jenkins-core's {@code hudson.model.User} (real supertypes: many more interfaces). */
public class User extends AbstractModelObject implements AccessControlled {
    private User() {
    }

    public static @CheckForNull User current() {
        throw new UnsupportedOperationException();
    }

    @Override
    public @NonNull String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public String getId() {
        throw new UnsupportedOperationException();
    }
}
