package dev.leakguard.verifier.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaks are expected here: the leak check still prints, exports and (unless disabled) reclaims
 * them, but does not fail the test. For tests that reproduce a leak on purpose and assert on it
 * themselves; their leaks are what a confirmation step compares with static findings.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowLeaks {

  /** Why leaks are expected, for the reader. */
  String value() default "";
}
