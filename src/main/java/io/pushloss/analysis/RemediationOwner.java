package io.pushloss.analysis;

/**
 * Who can act on a loss category.
 */
public enum RemediationOwner {

	CLIENT_APP("Client app"), SERVER("Server"), CONSOLE("Console configuration"), VENDOR("Vendor"),
	UNKNOWN("Unknown");

	private final String label;

	RemediationOwner(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
