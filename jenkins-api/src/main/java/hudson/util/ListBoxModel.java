package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Stub of jenkins-core's {@code hudson.util.ListBoxModel}. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public ListBoxModel() {
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException();
    }

    public ListBoxModel add(@NonNull String nameAndValue) {
        throw new UnsupportedOperationException();
    }

    /** Stub of {@code hudson.util.ListBoxModel.Option}. */
    public static final class Option {
        @NonNull
        public String name;
        @NonNull
        public String value;
        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException();
        }
    }
}
