package io.pushloss.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

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
	/** The longest password accepted, in UTF-8 bytes: bcrypt's limit. */
	public static final int MAX_PASSWORD_LENGTH = 72;

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

	/**
	 * Why a password is not acceptable, empty when it is. The password itself is never part of the answer.
	 * @param password the password as read
	 */
	public Optional<String> passwordProblem(CharSequence password) {
		if (password == null || password.length() == 0) {
			return Optional.of("the password is empty");
		}
		if (password.codePoints().allMatch(Character::isWhitespace)) {
			return Optional.of("the password is only blanks");
		}
		long length = password.codePoints().count();
		if (length < this.minPasswordLength) {
			return Optional.of("the password is too short: " + length + " characters, at least "
					+ this.minPasswordLength + " are required");
		}
		if (password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
			return Optional.of("the password is too long: at most " + MAX_PASSWORD_LENGTH + " bytes (bcrypt's limit)");
		}
		return Optional.empty();
	}

}
