package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.TreeMap;

/** Stub of jenkins-core's {@code hudson.EnvVars}. */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
    }

    public EnvVars(@NonNull Map<String, String> m) {
        throw new UnsupportedOperationException();
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException();
    }

    public EnvVars overrideAll(Map<String, String> all) {
        throw new UnsupportedOperationException();
    }

    public String expand(String s) {
        throw new UnsupportedOperationException();
    }
}
