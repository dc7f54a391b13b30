package dev.leakguard.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Suppresses LeakGuard findings in bytecode engines, where {@code @SuppressWarnings} (source
 * retention) no longer exists. Each value is a check id (for example {@code "JdbcConnectionLeak"})
 * or a prefix of ids; no value suppresses every LeakGuard finding. The engines recognise any
 * annotation with this simple name, so a project may declare its own copy instead of depending on
 * this one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface SuppressLeakGuard {
  /** The check ids (or id prefixes) to suppress. */
  String[] value() default {};

  /** Why the finding is not a leak, for the next reader. */
  String justification() default "";
}
