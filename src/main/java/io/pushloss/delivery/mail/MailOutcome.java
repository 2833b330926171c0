package io.pushloss.delivery.mail;

import io.pushloss.delivery.mail.DeliveryLedger.Decision;

/**
 * What {@link ReportMailer#send} did.
 *
 * @param status whether a message left
 * @param decision the ledger's decision, {@code null} when there were no recipients
 * @param messageId the Message-ID sent (or sent before), {@code null} when there were no recipients
 * @param recipientCount distinct recipients
 * @param excelOmitted whether the workbook was left out for size
 */
public record MailOutcome(Status status, Decision decision, String messageId, int recipientCount,
		boolean excelOmitted) {

	/** Whether a message left. */
	public enum Status {

		SENT, ALREADY_SENT, NO_RECIPIENTS

	}

}
