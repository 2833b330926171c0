package io.pushloss.console.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a request without valid credentials: 401 with a problem-details body and the Basic challenge.
 * The body is the same whether the name is unknown, the password wrong or the account locked. Scripts of the
 * console's own pages (which send {@code X-Requested-With}) get no challenge, so the browser shows no password
 * dialog.
 */
final class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String REALM = "push-loss-report";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (request.getHeader("X-Requested-With") == null) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
		}
		ProblemResponses.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
				"Authentication required: HTTP Basic with the name and password of a console account (a wrong or "
						+ "locked account gets this answer too)");
	}

}
