package io.pushloss.jobdef;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link TextFormat} and reports the format's own reason, escaped so that text from a parser (a Quartz
 * message, say) is never read as a message template.
 */
final class TextFormatValidator implements ConstraintValidator<TextFormat, String> {

	private ValueFormat format;

	@Override
	public void initialize(TextFormat annotation) {
		this.format = annotation.value();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		String problem = this.format.problem(value);
		if (problem == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(escapeTemplate(problem)).addConstraintViolation();
		return false;
	}

	private static String escapeTemplate(String text) {
		return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
