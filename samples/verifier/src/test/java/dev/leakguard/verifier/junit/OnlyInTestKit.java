package dev.leakguard.verifier.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks an example test class that is meant to fail: it runs only inside the EngineTestKit
 * runs of {@link LeakCheckExtensionTest}, never in the build's own test run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(OnlyInTestKit.Condition.class)
@interface OnlyInTestKit {
  String PARAMETER = "leakguard.test.examples";

  /** Enables the example only when the test kit sets {@link #PARAMETER}. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(PARAMETER).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled("run by the test kit")
          : ConditionEvaluationResult.disabled("an example run only by LeakCheckExtensionTest");
    }
  }
}
