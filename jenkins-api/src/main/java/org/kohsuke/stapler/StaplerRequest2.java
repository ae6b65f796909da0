package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/** Stub of stapler's {@code org.kohsuke.stapler.StaplerRequest2} (Jakarta servlet 5 request). */
public interface StaplerRequest2 extends HttpServletRequest {
    <T> T findAncestorObject(Class<T> type);
}
