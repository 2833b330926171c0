package io.pushloss.delivery.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a failure reason fit for an email to people: no stack-trace lines, no control characters, credentials
 * that slipped into a message (a {@code usersig=} query parameter, a {@code password=}) masked, and a bounded length.
 */
final class OperatorText {

	private static final int MAX_LENGTH = 1000;

	private static final Pattern TRACE_LINE = Pattern
		.compile("^\\s*(at\\s+[\\w$.<>/]+\\(.*\\)|\\.\\.\\.\\s*\\d+\\s+more|Caused by:.*|Suppressed:.*)\\s*$");

	private static final Pattern SECRET = Pattern.compile(
			"(?i)\\b(usersig|user_sig|secret[_-]?key|secretkey|password|passwd|pwd|api[_-]?key|authorization)"
					+ "(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&,;]+)");

	private OperatorText() {
	}

	static String sanitise(String reason) {
		if (reason == null || reason.isBlank()) {
			return "unknown (see the log of the run)";
		}
		List<String> kept = new ArrayList<>();
		for (String line : reason.split("\\R")) {
			if (TRACE_LINE.matcher(line).matches()) {
				continue;
			}
			String clean = line.replaceAll("\\p{Cntrl}", " ").strip();
			if (!clean.isEmpty()) {
				kept.add(clean);
			}
		}
		String text = SECRET.matcher(String.join("\n", kept)).replaceAll("$1$2***");
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "..." : text;
	}

}
