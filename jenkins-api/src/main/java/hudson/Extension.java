package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static jenkins.YesNoMaybe.MAYBE;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

/**
 * Stub of jenkins-core's {@code hudson.Extension}. It must stay {@link Indexable}: SezPoz then
 * writes {@code META-INF/annotations/hudson.Extension}, the only index Jenkins reads to find
 * extensions.
 */
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;

    boolean optional() default false;

    YesNoMaybe dynamicLoadable() default MAYBE;
}
