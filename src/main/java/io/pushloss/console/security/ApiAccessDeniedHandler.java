package io.pushloss.console.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's answer to a refused request of an authenticated account (a viewer's POST) or to a browser's write
 * without its CSRF token: 403 with a problem-details body.
 */
final class ApiAccessDeniedHandler implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		String detail = (accessDeniedException instanceof CsrfException)
				? "A write from a browser session (or another site) needs the page's CSRF token in the X-CSRF-TOKEN "
						+ "header; automation uses HTTP Basic without cookies"
				: "Forbidden: this action needs the operator role";
		ProblemResponses.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
	}

}
