package io.pushloss.delivery.mail;

/**
 * The weekly email could not be sent. The message is operator-facing and says what happens next: the ledger keeps
 * the email PENDING, so the next run or a restart of this one sends it once, with the same Message-ID.
 */
public class DeliveryException extends RuntimeException {

	private final String jobName;

	private final String week;

	private final String messageId;

	public DeliveryException(String message, String jobName, String week, String messageId, Throwable cause) {
		super(message, cause);
		this.jobName = jobName;
		this.week = week;
		this.messageId = messageId;
	}

	public String jobName() {
		return this.jobName;
	}

	public String week() {
		return this.week;
	}

	/** The Message-ID the pending email will be sent with, or {@code null} when none was assigned. */
	public String messageId() {
		return this.messageId;
	}

}
