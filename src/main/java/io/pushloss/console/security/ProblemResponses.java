package io.pushloss.console.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem-details bodies (RFC 9457, {@code application/problem+json}) for the refusals of the API that happen
 * before any controller: 401 and 403. They name the status and what to do, never a secret or a stack trace.
 */
final class ProblemResponses {

	/** JSON is UTF-8 by definition (RFC 8259): no charset parameter. */
	static final String PROBLEM_JSON = "application/problem+json";

	private ProblemResponses() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		String body = "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":"
				+ quote(detail) + ",\"instance\":" + quote(request.getRequestURI()) + "}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(PROBLEM_JSON);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

	/** A JSON string literal. */
	static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : String.valueOf(text).toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
