package io.pushloss.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader that accepts exactly the vendor's known defects and nothing else: a trailing comma before
 * {@code ]} or {@code }}, and an object member without a name ({@code "ErrorInfo": "sucess", { ... }}).
 * <p>
 * Values come back as {@link JsonObject}, {@link List}, {@link String}, {@link BigDecimal} (keeping the number
 * exactly as written), {@link Boolean} or {@link #NULL}. A body that ends early is reported as truncated.
 */
final class LenientJson {

	/** JSON {@code null}. */
	static final Object NULL = new Object() {

		@Override
		public String toString() {
			return "null";
		}

	};

	private static final int MAX_DEPTH = 64;

	private final String text;

	private int pos;

	private int depth;

	private LenientJson(String text) {
		this.text = text;
	}

	/**
	 * Reads one JSON value that must fill the whole text (surrounding white space aside).
	 * @throws SyntaxException when the text is not (lenient) JSON or ends early
	 */
	static Object parse(String text) {
		LenientJson reader = new LenientJson((text != null) ? text : "");
		Object value = reader.value();
		reader.skipSpace();
		if (reader.pos < reader.text.length()) {
			throw reader.error("unexpected text after the JSON value");
		}
		return value;
	}

	private Object value() {
		skipSpace();
		char c = peek("a value");
		switch (c) {
			case '{':
				return object();
			case '[':
				return array();
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", NULL);
			default:
				if (c == '-' || (c >= '0' && c <= '9')) {
					return number();
				}
				throw error("unexpected character '" + c + "'");
		}
	}

	private JsonObject object() {
		enter();
		this.pos++;
		Map<String, Object> members = new LinkedHashMap<>();
		List<JsonObject> unnamed = new ArrayList<>();
		while (true) {
			skipSpace();
			char c = peek("a member or '}'");
			if (c == '}') {
				break;
			}
			if (c == '{') {
				unnamed.add(object());
			}
			else if (c == '"') {
				String name = string();
				skipSpace();
				expect(':');
				Object value = value();
				if (members.putIfAbsent(name, value) != null) {
					throw error("member \"" + name + "\" appears twice");
				}
			}
			else {
				throw error("expected a member name or '}' but found '" + c + "'");
			}
			skipSpace();
			char separator = peek("',' or '}'");
			if (separator == ',') {
				this.pos++;
			}
			else if (separator != '}') {
				throw error("expected ',' or '}' but found '" + separator + "'");
			}
		}
		this.pos++;
		this.depth--;
		return new JsonObject(members, unnamed);
	}

	private List<Object> array() {
		enter();
		this.pos++;
		List<Object> items = new ArrayList<>();
		while (true) {
			skipSpace();
			if (peek("a value or ']'") == ']') {
				break;
			}
			items.add(value());
			skipSpace();
			char separator = peek("',' or ']'");
			if (separator == ',') {
				this.pos++;
			}
			else if (separator != ']') {
				throw error("expected ',' or ']' but found '" + separator + "'");
			}
		}
		this.pos++;
		this.depth--;
		return items;
	}

	private String string() {
		this.pos++;
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = peek("the end of a string");
			this.pos++;
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				this.pos--;
				throw error("control character in a string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char e = peek("an escape");
			this.pos++;
			switch (e) {
				case '"', '\\', '/' -> out.append(e);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> out.append(unicodeEscape());
				default -> throw error("bad escape '\\" + e + "'");
			}
		}
	}

	private char unicodeEscape() {
		if (this.pos + 4 > this.text.length()) {
			throw truncated("a \\u escape");
		}
		String hex = this.text.substring(this.pos, this.pos + 4);
		try {
			char c = (char) Integer.parseInt(hex, 16);
			this.pos += 4;
			return c;
		}
		catch (NumberFormatException ex) {
			throw error("bad escape '\\u" + hex + "'");
		}
	}

	private BigDecimal number() {
		int start = this.pos;
		if (this.text.charAt(this.pos) == '-') {
			this.pos++;
		}
		if (peek("a digit") == '0') {
			this.pos++; // JSON allows no leading zeros: "01" ends the number after the 0
		}
		else {
			digits();
		}
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == '.') {
			this.pos++;
			digits();
		}
		if (this.pos < this.text.length() && (this.text.charAt(this.pos) == 'e' || this.text.charAt(this.pos) == 'E')) {
			this.pos++;
			if (this.pos < this.text.length() && (this.text.charAt(this.pos) == '+' || this.text.charAt(this.pos) == '-')) {
				this.pos++;
			}
			digits();
		}
		return new BigDecimal(this.text.substring(start, this.pos));
	}

	private void digits() {
		char c = peek("a digit");
		if (c < '0' || c > '9') {
			throw error("expected a digit but found '" + c + "'");
		}
		while (this.pos < this.text.length() && this.text.charAt(this.pos) >= '0'
				&& this.text.charAt(this.pos) <= '9') {
			this.pos++;
		}
	}

	private Object literal(String word, Object value) {
		for (int i = 0; i < word.length(); i++) {
			if (peek("'" + word + "'") != word.charAt(i)) {
				throw error("unexpected character '" + this.text.charAt(this.pos) + "'");
			}
			this.pos++;
		}
		return value;
	}

	private void expect(char wanted) {
		char c = peek("'" + wanted + "'");
		if (c != wanted) {
			throw error("expected '" + wanted + "' but found '" + c + "'");
		}
		this.pos++;
	}

	private void enter() {
		if (++this.depth > MAX_DEPTH) {
			throw error("nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	private char peek(String expected) {
		if (this.pos >= this.text.length()) {
			throw truncated(expected);
		}
		return this.text.charAt(this.pos);
	}

	private void skipSpace() {
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\uFEFF') {
				return;
			}
			this.pos++;
		}
	}

	private SyntaxException truncated(String expected) {
		return new SyntaxException(true, "ends after " + this.text.length() + " characters where " + expected
				+ " was expected");
	}

	private SyntaxException error(String problem) {
		return new SyntaxException(false, "is not JSON: " + problem + " at offset " + this.pos);
	}

	/**
	 * A JSON object: its named members in order, and the objects that appeared inside it without a name.
	 */
	record JsonObject(Map<String, Object> members, List<JsonObject> unnamed) {

		Object get(String name) {
			return this.members.get(name);
		}

	}

	/** The text is not JSON, or ends early ({@link #truncated()}). */
	static final class SyntaxException extends RuntimeException {

		private final boolean truncated;

		SyntaxException(boolean truncated, String message) {
			super(message);
			this.truncated = truncated;
		}

		boolean truncated() {
			return this.truncated;
		}

	}

}
