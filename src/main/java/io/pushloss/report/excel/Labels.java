package io.pushloss.report.excel;

import java.util.Locale;

import io.pushloss.analysis.CodeStatus;
import io.pushloss.analysis.Remediation;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.Vendor;

/**
 * The words the workbook uses for model values.
 */
final class Labels {

	/** Stage-level rows cover every vendor. */
	static final String ALL_VENDORS = "(all vendors)";

	static final String UNCATALOGUED = "Uncatalogued";

	private Labels() {
	}

	static String vendor(Vendor vendor) {
		return (vendor != null) ? vendor.displayName() : ALL_VENDORS;
	}

	/** {@code New}, {@code Regressed}, ... */
	static String status(CodeStatus status) {
		String name = status.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** The loss category, or "Uncatalogued" for a code the catalogue does not know. */
	static String category(Remediation remediation) {
		return remediation.catalogued() ? remediation.category().label() : UNCATALOGUED;
	}

	static String thisWeek(IsoWeek week) {
		return "W (" + week + ")";
	}

	static String lastWeek(IsoWeek week) {
		return "W-1 (" + week.minusWeeks(1) + ")";
	}

}
