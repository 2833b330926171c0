package io.pushloss.analysis;

/**
 * Why pushes were lost, as catalogued in {@code remediation-catalogue.yml}.
 */
public enum LossCategory {

	INVALID_TOKEN("Invalid or expired token"), NOTIFICATIONS_DISABLED("Notifications disabled / app uninstalled"),
	QUOTA("Quota or frequency"), CREDENTIALS("Credential or certificate configuration"), PAYLOAD("Payload"),
	VENDOR_OUTAGE("Vendor outage"), UNKNOWN("Unknown");

	private final String label;

	LossCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
