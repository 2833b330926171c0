package io.pushloss.report.excel;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.WeeklyReport;

/**
 * The Summary's code tables: anomalies and the largest increases and decreases, each with owner and remediation
 * hint.
 */
final class CodeSections {

	static final String NO_ANOMALIES = "No code lost more pushes than its baseline allows.";

	private CodeSections() {
	}

	static void anomalies(SheetCursor cursor, WeeklyReport report) {
		cursor.section("Anomalies");
		List<CodeLoss> anomalies = report.anomalies();
		if (anomalies.isEmpty()) {
			cursor.cells().text(cursor.next(), 0, NO_ANOMALIES);
			cursor.skip();
			return;
		}
		header(cursor, report, "Baseline mean");
		int first = cursor.row();
		for (CodeLoss code : anomalies) {
			XSSFRow line = row(cursor, code);
			if (code.baseline() != null) {
				cursor.cells().decimal(line, 9, code.baseline().mean());
			}
		}
		cursor.endTable(first, 7, 8);
	}

	static void movers(SheetCursor cursor, WeeklyReport report) {
		String previous = report.header().previousWeek().toString();
		movers(cursor, report, "Largest increases", report.topMovers().increases(),
				"No code lost more pushes than in " + previous + ".");
		movers(cursor, report, "Largest decreases", report.topMovers().decreases(),
				"No code lost fewer pushes than in " + previous + ".");
	}

	private static void movers(SheetCursor cursor, WeeklyReport report, String title, List<CodeLoss> codes,
			String none) {
		cursor.section(title);
		if (codes.isEmpty()) {
			cursor.cells().text(cursor.next(), 0, none);
			cursor.skip();
			return;
		}
		header(cursor, report, "Status");
		int first = cursor.row();
		for (CodeLoss code : codes) {
			cursor.cells().text(row(cursor, code), 9, Labels.status(code.status()));
		}
		cursor.endTable(first, 7, 8);
	}

	private static void header(SheetCursor cursor, WeeklyReport report, String tenthColumn) {
		cursor.cells()
			.header(cursor.next(), 0, "Source", "Vendor", "Stage", "Code", "Info",
					Labels.thisWeek(report.header().week()), Labels.lastWeek(report.header().week()), "Delta",
					"% change", tenthColumn, "Owner", "Hint");
	}

	private static XSSFRow row(SheetCursor cursor, CodeLoss code) {
		Cells cells = cursor.cells();
		XSSFRow line = cursor.next();
		cells.text(line, 0, code.source().displayName());
		cells.text(line, 1, Labels.vendor(code.vendor()));
		cells.text(line, 2, code.stage().label());
		cells.text(line, 3, code.errCode());
		cells.text(line, 4, code.errInfo());
		cells.weekOverWeek(line, 5, code.counts());
		cells.text(line, 10, code.remediation().owner().label());
		cells.text(line, 11, code.remediation().hint());
		return line;
	}

}
