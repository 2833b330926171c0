package io.pushloss.job;

import io.pushloss.delivery.mail.MailOutcome;

/**
 * What became of a run's email, recorded by the {@code deliver} step.
 */
public enum EmailState {

	/** Sent to the recipients through the SMTP server by this run. */
	SENT,

	/** Written to the outbox folder by this run (no SMTP host configured): nothing was sent. */
	OUTBOX,

	/** Not sent again: the ledger says this week's email was already sent. */
	ALREADY_SENT,

	/** Not written again: the ledger says this week's email is already in the outbox folder (nothing was sent). */
	ALREADY_IN_OUTBOX,

	/** Not sent: the job has no recipients. */
	NO_RECIPIENTS,

	/** Not sent: the run was asked not to email ({@code run --no-email}, a backfill without {@code --email}). */
	DISABLED,

	/**
	 * Not sent: the SMTP server kept failing (or did not answer within its timeouts, or the run was stopped while
	 * sending). The email stays PENDING in the delivery ledger; the next run or a restart sends it once.
	 */
	FAILED;

	/** The state of a delivery's mail result. */
	static EmailState of(MailOutcome.Status status) {
		return switch (status) {
			case SENT -> SENT;
			case OUTBOX -> OUTBOX;
			case ALREADY_SENT -> ALREADY_SENT;
			case ALREADY_IN_OUTBOX -> ALREADY_IN_OUTBOX;
			case NO_RECIPIENTS -> NO_RECIPIENTS;
		};
	}

}
