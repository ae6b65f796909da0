package org.jvnet.localizer;

import java.io.Serializable;

/** Stub of localizer's {@code org.jvnet.localizer.ResourceBundleHolder}: the type only. */
public final class ResourceBundleHolder implements Serializable {
    private ResourceBundleHolder() {
    }
}
