package io.pushloss.accounts;

/** What an audit entry records. */
public enum AuditAction {

	/** A week run on demand ({@code target}: job and week). */
	RUN,

	/** A backfill of a range of weeks ({@code target}: job, range and options). */
	BACKFILL,

	/** A job's schedule paused ({@code target}: the job). */
	PAUSE,

	/** A job's schedule resumed ({@code target}: the job). */
	RESUME,

	/** An account added ({@code target}: the account and its role). */
	USER_ADDED,

	/** An account removed ({@code target}: the account). */
	USER_REMOVED,

	/** An account's password changed ({@code target}: the account; never the password). */
	PASSWORD_CHANGED

}
