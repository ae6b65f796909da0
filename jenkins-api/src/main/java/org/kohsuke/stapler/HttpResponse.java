package org.kohsuke.stapler;

/**
 * Stub of stapler's {@code org.kohsuke.stapler.HttpResponse}. Its two {@code generateResponse}
 * methods are defaults in the real interface; they are left out here.
 */
public interface HttpResponse {
}
