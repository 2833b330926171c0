package io.pushloss.domain;

/**
 * The two vendor APIs this product reads. They are separate sources of loss statistics and are
 * reported side by side, never added together.
 */
public enum LossSource {

	/** {@code v4/timpush/all_member_push_loss}: push-to-all tasks; an empty TaskID list means overall statistics. */
	ALL_MEMBER("all_member_push_loss", "Push to all"),

	/** {@code v4/timpush/normal_push_loss}: single and group chat message push. */
	NORMAL("normal_push_loss", "Normal push");

	private final String apiName;

	private final String displayName;

	LossSource(String apiName, String displayName) {
		this.apiName = apiName;
		this.displayName = displayName;
	}

	/** The last path segment of the endpoint, for example {@code normal_push_loss}. */
	public String apiName() {
		return this.apiName;
	}

	/** The path below the domain, for example {@code v4/timpush/normal_push_loss}. */
	public String path() {
		return "v4/timpush/" + this.apiName;
	}

	/** A human label for reports. */
	public String displayName() {
		return this.displayName;
	}

}
