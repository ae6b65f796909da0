package org.kohsuke.stapler.interceptor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stub of stapler's {@code org.kohsuke.stapler.interceptor.RequirePOST}. The runtime-only
 * meta-annotation {@code @InterceptorAnnotation(RequirePOST.Processor.class)} is left out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface RequirePOST {
}
