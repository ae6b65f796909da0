package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

/**
 * Stub of {@code org.jenkinsci.Symbol} (org.jenkins-ci:symbol-annotation, bundled by jenkins-core
 * and used by structs' SymbolLookup).
 */
@Indexed
@Retention(RUNTIME)
@Target({TYPE})
@Documented
public @interface Symbol {
    String[] value() default {};
}
