package io.privacygate.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

/** Evaluates {@link EnabledIfPackaged} and {@link DisabledIfPackaged} with the one predicate, {@link PackagedJars#isBuilt}. */
public class PackagedCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        Optional<EnabledIfPackaged> enabled = element.flatMap(e -> AnnotationSupport.findAnnotation(e, EnabledIfPackaged.class));
        if (enabled.isPresent() && !PackagedJars.isBuilt(enabled.get().value())) {
            return ConditionEvaluationResult.disabled(enabled.get().value() + " is not packaged");
        }
        Optional<DisabledIfPackaged> disabled = element.flatMap(e -> AnnotationSupport.findAnnotation(e, DisabledIfPackaged.class));
        if (disabled.isPresent() && PackagedJars.isBuilt(disabled.get().value())) {
            return ConditionEvaluationResult.disabled(disabled.get().value() + " is packaged");
        }
        return ConditionEvaluationResult.enabled("packaging as required");
    }
}
