package dev.leakguard.verifier.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails every test of the annotated class (or the annotated test) that leaves a JDBC resource
 * open, printing each leak with its kind and acquisition site. Same as {@code
 * @ExtendWith(LeakCheckExtension.class)}, with settings.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LeakCheckExtension.class)
public @interface VerifyNoLeaks {

  /**
   * Whether to close the leaked resources after reporting them, so the pool gets its connections
   * back and the next test does not fail for this test's leak.
   */
  boolean reclaim() default true;
}
