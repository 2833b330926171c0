package io.pushloss.domain;

/**
 * The stage at which a push was lost.
 */
public enum Stage {

	/** Lost before handing to the vendor (certificate not set, token not uploaded). */
	READY_TO_SEND("ReadyToSend"),

	/** Rejected or dropped by the vendor after sending (invalid token, quotas). */
	POST_SEND_DELIVERED("PostSendDelivered");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	/** The vendor's name for the stage, used in reports. */
	public String label() {
		return this.label;
	}

}
