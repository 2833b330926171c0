package io.pushloss.jobdef;

import java.nio.file.Path;

/**
 * One thing wrong with a job file, before it becomes an {@link InvalidJobDefinitionException}.
 *
 * @param field the field path such as {@code api.sdkappid}, or {@code null} for the whole file
 * @param reason what is wrong
 */
record Problem(String field, String reason) {

	private static final int MAX_QUOTED = 80;

	InvalidJobDefinitionException toException(Path file, Throwable cause) {
		return new InvalidJobDefinitionException(file, this.field, this.reason, cause);
	}

	/**
	 * A value as it may appear in a one-line message: quoted, control characters escaped, long text cut.
	 */
	static String quote(Object value) {
		String text = String.valueOf(value);
		StringBuilder quoted = new StringBuilder("\"");
		int limit = Math.min(text.length(), MAX_QUOTED);
		for (int i = 0; i < limit; i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (Character.isISOControl(c)) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		if (text.length() > MAX_QUOTED) {
			quoted.append("...");
		}
		return quoted.append('"').toString();
	}

}
