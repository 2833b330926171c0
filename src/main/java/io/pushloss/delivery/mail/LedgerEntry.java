package io.pushloss.delivery.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the delivery ledger: the weekly email of a job and week to one set of recipients.
 *
 * @param jobName the job
 * @param reportWeek the ISO week, e.g. {@code 2026-W46}
 * @param recipientsHash {@link RecipientSet#hash()}
 * @param messageId the Message-ID every attempt uses
 * @param state PENDING until the SMTP server accepted the message (SENT) or it was written to the outbox (OUTBOX)
 * @param attempts SMTP attempts made with this Message-ID
 * @param recipientCount distinct recipients
 * @param sentAt when the server accepted it, {@code null} while PENDING
 * @param lastError the last failure, operator-facing, or {@code null}
 */
public record LedgerEntry(String jobName, String reportWeek, String recipientsHash, String messageId,
		LedgerState state, int attempts, int recipientCount, Instant createdAt, Instant updatedAt, Instant sentAt,
		String lastError) {

	public LedgerEntry {
		Objects.requireNonNull(jobName, "jobName");
		Objects.requireNonNull(reportWeek, "reportWeek");
		Objects.requireNonNull(recipientsHash, "recipientsHash");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(state, "state");
	}

	/** The ledger's states. */
	public enum LedgerState {

		/** Recorded before sending; sent again with the same Message-ID by the next run. */
		PENDING,

		/** Accepted by the SMTP server; never sent again unless a resend is asked. */
		SENT,

		/**
		 * Written to the outbox folder (no SMTP host): nothing left the host. Like SENT, not written again unless a
		 * resend is asked.
		 */
		OUTBOX

	}

}
