package io.pushloss.report.excel;

import io.pushloss.domain.Vendor;

/**
 * The colours of the charts: one per vendor (the trend lines), and one for each of the two weeks of the vendor bars.
 * RGB without alpha, as DrawingML's {@code a:srgbClr} takes them.
 */
final class VendorColours {

	/** This week's bars. */
	static final String THIS_WEEK = "2F5597";

	/** Last week's bars. */
	static final String LAST_WEEK = "A9B8D0";

	private VendorColours() {
	}

	/** The vendor's colour (Tableau 10: distinct, and told apart by most colour-blind readers). */
	static String of(Vendor vendor) {
		return switch (vendor) {
			case APNS -> "4E79A7";
			case XIAOMI -> "F28E2B";
			case HUAWEI -> "E15759";
			case FCM -> "76B7B2";
			case MEIZU -> "59A14F";
			case OPPO -> "EDC948";
			case VIVO -> "B07AA1";
			case HONOR -> "FF9DA7";
			case UNKNOWN -> "9C755F";
		};
	}

}
