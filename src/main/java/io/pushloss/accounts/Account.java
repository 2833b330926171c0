package io.pushloss.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An account of the console, as listed (never with its password hash).
 *
 * @param name the login name
 * @param role what it may do
 * @param createdAt when it was added
 * @param failedAttempts failed logins since the last successful one or the last lock
 * @param lockedUntil until when logins are refused after repeated failures, {@code null} when never locked
 */
public record Account(String name, Role role, Instant createdAt, int failedAttempts, Instant lockedUntil) {

	/** Login names: a letter or digit, then letters, digits, '.', '_', '-' or '@', 64 characters at most. */
	public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

	public Account {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/** Whether logins are refused at this instant because of repeated failures. */
	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	/**
	 * Why a login name is not acceptable, empty when it is.
	 * @param name the name as typed
	 */
	public static Optional<String> nameProblem(String name) {
		if (name == null || name.isEmpty()) {
			return Optional.of("the account name is empty");
		}
		if (!NAME.matcher(name).matches()) {
			String shown = (name.length() > 70) ? name.substring(0, 70) + "..." : name;
			return Optional.of("'" + shown + "' is not an account name: lower-case letters, digits, '.', '_', '-' "
					+ "and '@', starting with a letter or digit, at most 64 characters");
		}
		return Optional.empty();
	}

}
