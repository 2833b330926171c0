package io.pushloss.console.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.pushloss.accounts.Account;
import io.pushloss.accounts.AccountStore;

/**
 * A browser session of an account ends as soon as the account is removed or its role changed ({@code users remove},
 * then {@code users add}): each request of a session checks the account in the database (one lookup by its primary
 * key), on every node alike. The request then goes on as anonymous (a page redirects to the login page, the API
 * answers 401).
 */
final class AccountSessionFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(AccountSessionFilter.class);

	private final AccountStore accounts;

	AccountSessionFilter(AccountStore accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication instanceof UsernamePasswordAuthenticationToken
				&& authentication.isAuthenticated() && !stillValid(authentication)) {
			logger.info("Session of account {} ended: the account was removed or its role changed",
					authentication.getName());
			SecurityContextHolder.clearContext();
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

	private boolean stillValid(Authentication authentication) {
		Optional<Account> account = this.accounts.find(authentication.getName());
		return account.isPresent() && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(account.get().role().authority()::equals);
	}

}
