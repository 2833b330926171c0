package io.pushloss.accounts;

import java.time.Clock;
import java.util.Objects;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's view of the accounts: an account's name, its password hash, its role as authority
 * ({@code ROLE_VIEWER}, {@code ROLE_OPERATOR}) and whether it is locked now. The console's logins go through
 * {@link AccountAuthenticationProvider}, which also counts failures.
 */
public class AccountUserDetailsService implements UserDetailsService {

	private final AccountStore accounts;

	private final Clock clock;

	/**
	 * @param accounts the accounts
	 * @param clock what "now" is (locks)
	 */
	public AccountUserDetailsService(AccountStore accounts, Clock clock) {
		this.accounts = Objects.requireNonNull(accounts, "accounts");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
		AccountStore.StoredCredentials stored = ((username != null) && Account.NAME.matcher(username).matches()
				? this.accounts.credentials(username) : java.util.Optional.<AccountStore.StoredCredentials>empty())
			.orElseThrow(() -> new UsernameNotFoundException(AccountAuthenticationProvider.REFUSED));
		Account account = stored.account();
		return User.withUsername(account.name())
			.password(stored.passwordHash())
			.authorities(account.role().authority())
			.accountLocked(account.lockedAt(this.clock.instant()))
			.build();
	}

}
