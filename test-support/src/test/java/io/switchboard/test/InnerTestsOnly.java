package io.switchboard.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that only another test runs, through the JUnit engine with the configuration
 * parameter {@code switchboard.lifecycle.inner=true}; skipped when surefire finds it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InnerTestsOnly.Condition.class)
@interface InnerTestsOnly {

  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter("switchboard.lifecycle.inner").isPresent()
          ? ConditionEvaluationResult.enabled("run by SwitchboardExtensionLifecycleTest")
          : ConditionEvaluationResult.disabled("only run by SwitchboardExtensionLifecycleTest");
    }
  }
}
