package io.pushloss.domain;

/**
 * The API's {@code EventType}: offline (vendor channel) or online push. Some responses omit it.
 */
public enum EventType {

	/** The response did not say (normal_push_loss rows, or stage-level rows). */
	UNSPECIFIED(0, "Unspecified"),

	OFFLINE(1, "Offline"),

	ONLINE(2, "Online");

	private static final CodeIndex<Integer, EventType> BY_CODE = CodeIndex.of(EventType.class, EventType::code,
			(code) -> "EventType " + code + " is not 1 (offline) or 2 (online)");

	private final int code;

	private final String displayName;

	EventType(int code, String displayName) {
		this.code = code;
		this.displayName = displayName;
	}

	public int code() {
		return this.code;
	}

	public String displayName() {
		return this.displayName;
	}

	/**
	 * Returns the event type for an API number (0 when absent).
	 * @throws IllegalArgumentException for any other number
	 */
	public static EventType fromCode(int code) {
		return BY_CODE.get(code);
	}

}
