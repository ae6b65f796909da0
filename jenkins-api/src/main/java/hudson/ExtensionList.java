package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;

/** Stub of jenkins-core's {@code hudson.ExtensionList}: only the static look-ups. */
public class ExtensionList<T> extends AbstractList<T> {
    private ExtensionList() {
    }

    public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException();
    }
}
