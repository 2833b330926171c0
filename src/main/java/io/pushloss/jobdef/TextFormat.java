package io.pushloss.jobdef;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Bean Validation constraint: a job file text value has a given {@link ValueFormat}. {@code null} is valid (use
 * {@code @NotNull} for required fields).
 */
@Documented
@Constraint(validatedBy = TextFormatValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface TextFormat {

	ValueFormat value();

	/** Unused: the message comes from {@link ValueFormat#problem(String)}. */
	String message() default "has the wrong format";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
