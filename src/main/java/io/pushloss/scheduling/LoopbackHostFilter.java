package io.pushloss.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The management port and the console's port answer loopback names only (the console also the names of
 * {@code pushloss.serve.allowed-hosts}): a request whose {@code Host} is not {@code localhost},
 * {@code 127.0.0.1} or {@code [::1]} gets 400 (a page on another origin that resolves its own name to 127.0.0.1,
 * DNS rebinding, cannot read health or metrics). And {@code /error} is the error page of other requests, never a
 * page of its own: asked for directly it is 404, not the 500 that Spring Boot's error controller answers when no
 * error happened.
 */
class LoopbackHostFilter extends OncePerRequestFilter {

	static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final Set<String> allowed;

	/** Loopback names only. */
	LoopbackHostFilter() {
		this(List.of());
	}

	/** @param extra further host names answered (compared without case) */
	LoopbackHostFilter(List<String> extra) {
		Set<String> names = new HashSet<>(LOOPBACK_NAMES);
		extra.forEach((name) -> names.add(name.toLowerCase(Locale.ROOT)));
		this.allowed = Set.copyOf(names);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = request.getServerName();
		if (host == null || !this.allowed.contains(host.toLowerCase(Locale.ROOT))) {
			refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Host not served here: use localhost, 127.0.0.1 or [::1]");
			return;
		}
		String path = request.getRequestURI();
		if (request.getDispatcherType() == DispatcherType.REQUEST && (path.equals("/error") || path.startsWith("/error/"))) {
			refuse(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletResponse response, int status, String text) throws IOException {
		byte[] body = (text + "\n").getBytes(StandardCharsets.US_ASCII);
		response.setStatus(status);
		response.setContentType("text/plain;charset=US-ASCII");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
