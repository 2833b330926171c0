package io.pushloss.domain;

/**
 * Push vendors as numbered by the API's {@code PushPlatform} field (0 to 8).
 */
public enum Vendor {

	UNKNOWN(0, "Unknown"), APNS(1, "APNs"), XIAOMI(2, "Xiaomi"), HUAWEI(3, "Huawei"), FCM(4, "FCM"), MEIZU(5, "Meizu"),
	OPPO(6, "OPPO"), VIVO(7, "vivo"), HONOR(8, "Honor");

	private static final CodeIndex<Integer, Vendor> BY_CODE = CodeIndex.of(Vendor.class, Vendor::code,
			(code) -> "PushPlatform " + code + " is outside 0..8");

	private final int code;

	private final String displayName;

	Vendor(int code, String displayName) {
		this.code = code;
		this.displayName = displayName;
	}

	/** The API's {@code PushPlatform} number. */
	public int code() {
		return this.code;
	}

	/** The name shown in reports. */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Returns the vendor for a {@code PushPlatform} number.
	 * @throws IllegalArgumentException when the number is outside 0..8
	 */
	public static Vendor fromCode(int code) {
		return BY_CODE.get(code);
	}

}
