package org.jvnet.localizer;

import java.io.Serializable;
import java.util.Locale;

/**
 * Stub of localizer's {@code org.jvnet.localizer.Localizable} (bundled by jenkins-core). The
 * constructor keeps its arguments: plugins subclass it or build permission titles with it.
 */
public class Localizable implements Serializable {
    private final ResourceBundleHolder holder;
    private final String key;
    private final Object[] args;

    public Localizable(ResourceBundleHolder holder, String key, Object... args) {
        this.holder = holder;
        this.key = key;
        this.args = args;
    }

    public String toString(Locale locale) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException();
    }
}
