package io.pushloss.report.excel;

import java.util.Locale;

import org.apache.poi.ss.util.WorkbookUtil;

import io.pushloss.analysis.CodeStatus;
import io.pushloss.analysis.Remediation;
import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The words the workbook uses, in the report's language: the bundle's texts ({@link #get}) and the names of model
 * values (sources, stages, vendors, statuses).
 */
final class Labels {

	/** Excel's limit for a sheet name. */
	static final int MAX_SHEET_NAME = 31;

	private final ExcelText text;

	Labels(Locale locale) {
		this.text = new ExcelText(locale);
	}

	Locale locale() {
		return this.text.locale();
	}

	/** A text of the bundle, with its arguments. */
	String get(String key, Object... arguments) {
		return this.text.get(key, arguments);
	}

	/**
	 * A sheet's name: the bundle's text (key {@code sheet.<key>}) made safe for Excel (at most 31 characters, none of
	 * {@code : \ / ? * [ ]}).
	 */
	String sheet(String key) {
		return sheetName(get("sheet." + key));
	}

	/** The name of the n-th Raw sheet (1 is the Raw sheet itself). */
	String rawSheet(int number) {
		String raw = get("sheet.raw");
		return (number == 1) ? sheetName(raw) : sheetName(get("sheet.rawMore", raw, String.valueOf(number)));
	}

	static String sheetName(String name) {
		return WorkbookUtil.createSafeSheetName(name, '_');
	}

	String source(LossSource source) {
		return get("source." + source.name());
	}

	String stage(Stage stage) {
		return get("stage." + stage.name());
	}

	String eventType(EventType eventType) {
		return get("eventType." + eventType.name());
	}

	/** The vendor's name, or "(all vendors)" for a stage-level row. */
	String vendor(Vendor vendor) {
		return (vendor != null) ? get("vendor." + vendor.name()) : get("allVendors");
	}

	/** {@code New}, {@code Regressed}, ... */
	String status(CodeStatus status) {
		return get("status." + status.name());
	}

	/** The loss category, or "Uncatalogued" for a code the catalogue does not know. */
	String category(Remediation remediation) {
		return remediation.catalogued() ? remediation.category().label() : get("uncatalogued");
	}

	String owner(Remediation remediation) {
		return remediation.owner().label();
	}

	String hint(Remediation remediation) {
		return remediation.hint();
	}

	String thisWeek(IsoWeek week) {
		return get("column.thisWeek", week.toString());
	}

	String lastWeek(IsoWeek week) {
		return get("column.lastWeek", week.minusWeeks(1).toString());
	}

}
