package io.pushloss.api;

import java.math.BigDecimal;
import java.util.List;

import io.pushloss.api.LenientJson.JsonObject;

/**
 * Typed reads of {@link LenientJson} values for {@link ResponseParser}, each failing with a {@link Violation} that
 * names the field's path, for example {@code PlatformPostSendDeliveredLoss[3].ErrCount is not an integer: "abc"}.
 */
final class JsonValues {

	private JsonValues() {
	}

	static int intValue(Object value, String path) {
		BigDecimal number = integer(value, path);
		try {
			return number.intValueExact();
		}
		catch (ArithmeticException ex) {
			throw new Violation(path + " is out of range: " + number.toPlainString());
		}
	}

	static long count(Object value, String path) {
		if (value == null || value == LenientJson.NULL) {
			throw new Violation(path + " is missing");
		}
		BigDecimal number = integer(value, path);
		if (number.signum() < 0) {
			throw new Violation(path + " is negative: " + number.toPlainString());
		}
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new Violation(path + " does not fit in 64 bits: " + number.toPlainString());
		}
	}

	/** {@code ErrCode}: a string as documented, or a whole number (some answers send one). */
	static String errCode(Object value, String path) {
		if (value == null || value == LenientJson.NULL) {
			throw new Violation(path + " is missing");
		}
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof BigDecimal) {
			return integer(value, path).toPlainString();
		}
		throw new Violation(path + " is not a string: " + describe(value));
	}

	static String optionalString(Object value, String path) {
		if (value == null || value == LenientJson.NULL) {
			return "";
		}
		if (value instanceof String text) {
			return text;
		}
		throw new Violation(path + " is not a string: " + describe(value));
	}

	/** The text, when it is at most {@code max} characters long. */
	static String maxLength(String text, int max, String path) {
		if (text.length() > max) {
			throw new Violation(path + " is " + text.length() + " characters long, more than the " + max + " allowed");
		}
		return text;
	}

	/** A number written without fraction or exponent. */
	private static BigDecimal integer(Object value, String path) {
		if (value instanceof BigDecimal number && number.scale() <= 0 && !number.toString().contains("E")) {
			return number;
		}
		if (value == null) {
			throw new Violation(path + " is missing");
		}
		throw new Violation(path + " is not an integer: " + describe(value));
	}

	/** A short rendering of a value for messages: strings quoted, containers by kind. */
	static String describe(Object value) {
		if (value instanceof String text) {
			String shown = (text.length() > 40) ? text.substring(0, 40) + "..." : text;
			return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}
		if (value instanceof BigDecimal number) {
			return number.toString();
		}
		if (value instanceof JsonObject) {
			return "an object";
		}
		if (value instanceof List) {
			return "an array";
		}
		return String.valueOf(value);
	}

	/** A contract violation; the message starts with the field's path. */
	static class Violation extends RuntimeException {

		Violation(String message) {
			super(message);
		}

	}

}
