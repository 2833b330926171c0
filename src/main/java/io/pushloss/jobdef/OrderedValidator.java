package io.pushloss.jobdef;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validator;

/**
 * Runs Bean Validation over a raw job record in file order and returns the first violation.
 * <p>
 * {@code Validator.validate} returns an unordered set; operators get one error per file, so it must be the same
 * one every time and the one nearest the top. This walks the record components in declaration order (depth first
 * into nested records) and validates one property at a time.
 */
final class OrderedValidator {

	/** The field that names the secret key's variable: a value that fails is probably the key, never quoted. */
	private static final String SECRET_KEY_ENV = "api.secret-key-env";

	private static final Comparator<ConstraintViolation<Object>> WITHIN_PROPERTY = Comparator
		.<ConstraintViolation<Object>>comparingInt(OrderedValidator::firstIndex)
		.thenComparing(ConstraintViolation::getMessage);

	private final Validator validator;

	OrderedValidator(Validator validator) {
		this.validator = validator;
	}

	/** The first violation in {@code bean} (a record), with its field path below {@code prefix}. */
	Optional<Problem> firstProblem(Object bean, String prefix) {
		for (RecordComponent component : bean.getClass().getRecordComponents()) {
			Set<ConstraintViolation<Object>> violations = this.validator.validateProperty(bean, component.getName());
			Optional<ConstraintViolation<Object>> first = violations.stream().min(WITHIN_PROPERTY);
			if (first.isPresent()) {
				return Optional.of(toProblem(first.get(), prefix));
			}
			Object value = read(component, bean);
			if (value != null && value.getClass().isRecord()) {
				Optional<Problem> nested = firstProblem(value, FieldNames.join(prefix, component.getName()));
				if (nested.isPresent()) {
					return nested;
				}
			}
			if (value instanceof List<?> list) {
				// a list of records (recipients.groups): each item in order, as "field[i].key"
				for (int i = 0; i < list.size(); i++) {
					Object item = list.get(i);
					if (item != null && item.getClass().isRecord()) {
						Optional<Problem> nested = firstProblem(item,
								FieldNames.join(prefix, component.getName()) + "[" + i + "]");
						if (nested.isPresent()) {
							return nested;
						}
					}
				}
			}
		}
		return Optional.empty();
	}

	private static Problem toProblem(ConstraintViolation<Object> violation, String prefix) {
		String field = prefix;
		for (Node node : violation.getPropertyPath()) {
			if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
				field = FieldNames.join(field, node.getName());
			}
			if (node.getIndex() != null) {
				field = field + "[" + node.getIndex() + "]";
			}
		}
		String reason = violation.getMessage();
		Object value = violation.getInvalidValue();
		if (SECRET_KEY_ENV.equals(field)) {
			// someone pasted the key itself: never echo it (stderr, logs, CI output)
			reason = reason + "; the value looks like a key, not a variable name, and is not shown: put the key in an "
					+ "environment variable and name that variable here";
		}
		else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
			reason = reason + ", got " + Problem.quote(value);
		}
		return new Problem(field, reason);
	}

	private static int firstIndex(ConstraintViolation<Object> violation) {
		for (Node node : violation.getPropertyPath()) {
			if (node.getIndex() != null) {
				return node.getIndex();
			}
		}
		return -1;
	}

	private static Object read(RecordComponent component, Object bean) {
		try {
			return component.getAccessor().invoke(bean);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component, ex);
		}
	}

}
