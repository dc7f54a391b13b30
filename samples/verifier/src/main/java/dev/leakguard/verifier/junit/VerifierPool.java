package dev.leakguard.verifier.junit;

import dev.leakguard.verifier.VerifyingDataSource;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Settings of the verifier pool {@link LeakCheckExtension} injects into a parameter of type
 * {@link VerifyingDataSource}: HikariCP over a new in-memory H2 database.
 * Small and quick to time out by default, so a leak shows as pool exhaustion within a test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface VerifierPool {

  /** HikariCP {@code maximumPoolSize}. */
  int maximumPoolSize() default 3;

  /** HikariCP {@code connectionTimeout} in milliseconds (HikariCP's minimum is 250). */
  long connectionTimeoutMillis() default 250;

  /** Application frames kept per acquisition. */
  int appFrames() default VerifyingDataSource.DEFAULT_APP_FRAMES;
}
