package io.pushloss.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Checks a name and password (form login and HTTP Basic alike) against the accounts, with the lockout: every failure
 * is counted, and an account with {@link AccountsProperties#maxFailedAttempts()} failures in a row refuses every login,
 * the right password included, for {@link AccountsProperties#lockDuration()}. Every refusal is the same
 * {@link BadCredentialsException} ("Bad credentials") after the same work (one password hash check), whether the name
 * is unknown, the password wrong or the account locked: an answer never tells whether a name exists.
 */
public class AccountAuthenticationProvider implements AuthenticationProvider {

	/** The one message of every refusal. */
	public static final String REFUSED = "Bad credentials";

	private static final Logger logger = LoggerFactory.getLogger(AccountAuthenticationProvider.class);

	private final AccountStore accounts;

	private final Clock clock;

	private final Object dummyLock = new Object();

	private String dummyHash;

	/**
	 * @param accounts the accounts
	 * @param clock what "now" is (locks)
	 */
	public AccountAuthenticationProvider(AccountStore accounts, Clock clock) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials != null) ? credentials.toString() : "";
		Optional<AccountStore.StoredCredentials> stored = (name != null && Account.NAME.matcher(name).matches())
				? this.accounts.credentials(name) : Optional.empty();
		if (stored.isEmpty()) {
			// the same work as for a known name
			this.accounts.encoder().matches(password, dummyHash());
			throw new BadCredentialsException(REFUSED);
		}
		Account account = stored.get().account();
		Instant now = this.clock.instant();
		boolean matches = this.accounts.encoder().matches(password, stored.get().passwordHash());
		if (account.lockedAt(now)) {
			logger.info("Login refused: account {} is locked until {}", account.name(), account.lockedUntil());
			throw new BadCredentialsException(REFUSED);
		}
		if (!matches) {
			this.accounts.recordFailure(account.name());
			logger.info("Login refused: wrong password for account {}", account.name());
			throw new BadCredentialsException(REFUSED);
		}
		this.accounts.recordSuccess(account.name());
		List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(account.role().authority()));
		UserDetails principal = User.withUsername(account.name())
			.password("")
			.authorities(authorities)
			.build();
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authorities);
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private String dummyHash() {
		synchronized (this.dummyLock) {
			if (this.dummyHash == null) {
				this.dummyHash = this.accounts.encoder().encode("not-a-password-of-any-account");
			}
			return this.dummyHash;
		}
	}

}
