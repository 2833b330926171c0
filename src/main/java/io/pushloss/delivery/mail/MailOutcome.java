package io.pushloss.delivery.mail;

import java.util.Comparator;
import java.util.List;

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
		boolean excelOmitted, List<MailOutcome> groups) {

	public MailOutcome {
		groups = (groups != null) ? List.copyOf(groups) : List.of();
	}

	/** The outcome of one message (one recipient group). */
	public MailOutcome(Status status, Decision decision, String messageId, int recipientCount, boolean excelOmitted) {
		this(status, decision, messageId, recipientCount, excelOmitted, List.of());
	}

	/**
	 * The outcome of a run's messages, one per recipient group: the status that says most (a message that left
	 * over one written to the outbox, over one sent before), the first group's decision and Message-ID, every
	 * recipient counted, and each group's own outcome in {@link #groups()} (only when there is more than one).
	 */
	public static MailOutcome combine(List<MailOutcome> outcomes) {
		if (outcomes.size() == 1) {
			return outcomes.get(0);
		}
		MailOutcome first = outcomes.get(0);
		Status status = outcomes.stream().map(MailOutcome::status).min(Comparator.naturalOrder()).orElseThrow();
		int recipients = outcomes.stream().mapToInt(MailOutcome::recipientCount).sum();
		boolean omitted = outcomes.stream().anyMatch(MailOutcome::excelOmitted);
		return new MailOutcome(status, first.decision(), first.messageId(), recipients, omitted, outcomes);
	}

	/** Whether a message left; in this order, the first says most (see {@link #combine(List)}). */
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
