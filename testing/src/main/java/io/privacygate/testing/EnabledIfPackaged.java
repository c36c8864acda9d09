package io.privacygate.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the test only where the named module has been packaged ({@link PackagedJars#isBuilt}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PackagedCondition.class)
public @interface EnabledIfPackaged {
    /** The module, e.g. {@code dsr-service}. */
    String value();
}
