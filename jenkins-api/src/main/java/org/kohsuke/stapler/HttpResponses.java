package org.kohsuke.stapler;

/** Stub of Stapler's {@code org.kohsuke.stapler.HttpResponses}. */
public class HttpResponses {
    public static HttpResponse redirectToDot() {
        throw new UnsupportedOperationException();
    }
}
