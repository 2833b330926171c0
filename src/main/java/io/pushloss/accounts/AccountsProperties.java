package io.pushloss.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the console's accounts ({@code pushloss.accounts.*}).
 *
 * @param maxFailedAttempts how many failed logins in a row lock an account
 * ({@code pushloss.accounts.max-failed-attempts})
 * @param lockDuration how long a locked account refuses every login, the right password included
 * ({@code pushloss.accounts.lock-duration})
 * @param minPasswordLength the shortest password {@code users add} and {@code users passwd} accept
 * ({@code pushloss.accounts.min-password-length})
 */
@ConfigurationProperties("pushloss.accounts")
public record AccountsProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration,
		@DefaultValue("12") int minPasswordLength) {

	/** The defaults: 5 failures lock for 15 minutes; passwords of 12 characters or more. */
	public static final AccountsProperties DEFAULTS = new AccountsProperties(5, Duration.ofMinutes(15), 12);

	public AccountsProperties {
		if (maxFailedAttempts < 1) {
			throw new IllegalArgumentException("pushloss.accounts.max-failed-attempts must be at least 1");
		}
		if (lockDuration.isNegative() || lockDuration.isZero()) {
			throw new IllegalArgumentException("pushloss.accounts.lock-duration must be positive");
		}
		if (minPasswordLength < 8) {
			throw new IllegalArgumentException("pushloss.accounts.min-password-length must be at least 8");
		}
	}

}
