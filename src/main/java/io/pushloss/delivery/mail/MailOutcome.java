package io.pushloss.delivery.mail;

import io.pushloss.delivery.mail.DeliveryLedger.Decision;

/**
 * What {@link ReportMailer#send} did.
 *
 * @param status whether a message left, or was written to the outbox folder
 * @param decision the ledger's decision, {@code null} when there were no recipients
 * @param messageId the Message-ID sent (or sent before), {@code null} when there were no recipients
 * @param recipientCount distinct recipients
 * @param excelOmitted whether the workbook was left out for size
 */
public record MailOutcome(Status status, Decision decision, String messageId, int recipientCount,
		boolean excelOmitted) {

	/** Whether a message left. */
	public enum Status {

		/** Accepted by the SMTP server. */
		SENT,

		/** Written to the outbox folder: nothing left the host. */
		OUTBOX,

		/** Sent (or written to the outbox) by an earlier run: nothing done. */
		ALREADY_SENT,

		/** Written to the outbox folder by an earlier run: nothing done. */
		ALREADY_IN_OUTBOX,

		/** The job has no recipients. */
		NO_RECIPIENTS

	}

}
