package io.pushloss.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who did what to what, and when.
 *
 * @param user the account (or, for the {@code users} command, {@code cli:} and the operating-system user)
 * @param action what was done
 * @param target what it was done to (a job and week, a job, an account)
 * @param at when, from the program's clock
 */
public record AuditEntry(String user, AuditAction action, String target, Instant at) {

	public AuditEntry {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(at, "at");
	}

}
