package io.pushloss.report.excel;

import java.util.Locale;

import org.apache.poi.ss.util.WorkbookUtil;

import io.pushloss.analysis.CodeStatus;
import io.pushloss.analysis.Direction;
import io.pushloss.analysis.Remediation;
import io.pushloss.analysis.ReportText;
import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The words the workbook uses, in the report's language: the workbook's own texts ({@code excel.*} keys of the
 * {@code i18n/excel} bundle, {@link #get}) and the report's shared vocabulary (sources, stages, vendors, statuses,
 * owners, weeks) through {@link ReportText}, so the workbook says what the email and the PDF say.
 */
final class Labels {

	private final ReportText text;

	Labels(ReportText text) {
		this.text = text;
	}

	Locale locale() {
		return this.text.locale();
	}

	ReportText text() {
		return this.text;
	}

	/** A text of the workbook's bundle ({@code excel.<key>}), with its arguments. */
	String get(String key, Object... arguments) {
		return this.text.get("excel." + key, arguments);
	}

	/** A term of the shared vocabulary ({@code term.source}, {@code term.change}, ...). */
	String term(String key) {
		return this.text.get("term." + key);
	}

	/**
	 * A sheet's name: the bundle's text (key {@code excel.sheet.<key>}) made safe for Excel (at most 31 characters,
	 * none of {@code : \ / ? * [ ]}).
	 */
	String sheet(String key) {
		return sheetName(get("sheet." + key));
	}

	/** The name of the n-th Raw sheet (1 is the Raw sheet itself). */
	String rawSheet(int number) {
		String raw = get("sheet.raw");
		return (number == 1) ? sheetName(raw) : sheetName(get("sheet.raw.more", raw, String.valueOf(number)));
	}

	static String sheetName(String name) {
		return WorkbookUtil.createSafeSheetName(name, '_');
	}

	/** A whole number with the language's grouping. */
	String count(long count) {
		return this.text.count(count);
	}

	/** A week's short name ({@code 2026-W46}, {@code 2026年第46周}). */
	String week(IsoWeek week) {
		return this.text.weekShort(week);
	}

	String source(LossSource source) {
		return this.text.source(source);
	}

	String stage(Stage stage) {
		return this.text.stage(stage);
	}

	String eventType(EventType eventType) {
		return this.text.eventType(eventType);
	}

	/** The vendor's name, or "(all vendors)" for a stage-level row. */
	String vendor(Vendor vendor) {
		return (vendor != null) ? this.text.vendor(vendor) : get("all-vendors");
	}

	/** How a cause moved against last week, as the story says it. */
	String direction(Direction direction) {
		return this.text.direction(direction);
	}

	String status(CodeStatus status) {
		return this.text.status(status);
	}

	/** The loss category, or the words for a code the catalogue does not know. */
	String category(Remediation remediation) {
		return remediation.catalogued() ? this.text.category(remediation.category())
				: this.text.meaning(remediation);
	}

	String owner(Remediation remediation) {
		return this.text.owner(remediation.owner());
	}

	String meaning(Remediation remediation) {
		return this.text.meaning(remediation);
	}

	String action(Remediation remediation) {
		return this.text.action(remediation);
	}

	/** The flag of a change from 0: "new". */
	String newFlag() {
		return this.text.get("change.new");
	}

	String thisWeek(IsoWeek week) {
		return get("column.this-week", week(week));
	}

	String lastWeek(IsoWeek week) {
		return get("column.last-week", week(week.minusWeeks(1)));
	}

}
