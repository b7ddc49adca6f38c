package com.disclosuredesk.intake;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.disclosuredesk.order.PhoneNumbers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * No target twice in one order: the same type and, once normalized, the same value (usernames without regard
 * to case, as the subscriber directory looks them up; phone numbers in E.164). Each repetition is reported on
 * its own element, {@code targets[i]}, naming the element it repeats, never the value.
 */
@Documented
@Constraint(validatedBy = DistinctTargets.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface DistinctTargets {

    String message() default "must not name the same target twice (same type and value)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctTargets, List<OrderSubmission.TargetSpec>> {

        @Override
        public boolean isValid(List<OrderSubmission.TargetSpec> targets, ConstraintValidatorContext context) {
            if (targets == null) {
                return true;
            }
            Map<String, Integer> seen = new HashMap<>();
            boolean valid = true;
            for (int i = 0; i < targets.size(); i++) {
                OrderSubmission.TargetSpec target = targets.get(i);
                if (target == null || target.type() == null || target.value() == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(target.type() + ":" + normalized(target), i);
                if (first != null) {
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                    }
                    valid = false;
                    // a fixed text with the index only: nothing of the submitted value reaches the message
                    context.buildConstraintViolationWithTemplate("must not repeat targets[" + first + "] (same type and value)")
                            .addBeanNode().inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return valid;
        }

        static String normalized(OrderSubmission.TargetSpec target) {
            String value = target.value().strip();
            return switch (target.type()) {
                case USERNAME -> value.toLowerCase(Locale.ROOT);
                case PHONE -> PhoneNumbers.tryNormalizeE164(value).orElse(value);
                case ACCOUNT_ID -> value.replaceFirst("^0+(?=.)", "");
            };
        }
    }
}
