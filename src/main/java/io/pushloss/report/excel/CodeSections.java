package io.pushloss.report.excel;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.WeeklyReport;

/**
 * The Summary's code tables: anomalies and the largest increases and decreases, each with owner and what to do.
 * Columns: source, stage, vendor, code, what it means, W, W-1, change, % change, status (says "new" where the
 * change is empty), baseline, who fixes it, what to do; the texts wrap.
 */
final class CodeSections {

	private CodeSections() {
	}

	static void anomalies(SheetCursor cursor, WeeklyReport report) {
		Labels labels = cursor.labels();
		cursor.section(labels.get("section.anomalies"));
		List<CodeLoss> anomalies = report.anomalies();
		if (anomalies.isEmpty()) {
			cursor.cells().text(cursor.next(), 0, labels.get("no-anomalies"));
			cursor.skip();
			return;
		}
		header(cursor, report);
		int first = cursor.row();
		for (CodeLoss code : anomalies) {
			row(cursor, code);
		}
		cursor.endTable(first, 7, 8);
	}

	static void movers(SheetCursor cursor, WeeklyReport report) {
		Labels labels = cursor.labels();
		String previous = labels.week(report.header().previousWeek());
		movers(cursor, report, labels.get("section.increases"), report.topMovers().increases(),
				labels.get("no-increases", previous));
		movers(cursor, report, labels.get("section.decreases"), report.topMovers().decreases(),
				labels.get("no-decreases", previous));
	}

	private static void movers(SheetCursor cursor, WeeklyReport report, String title, List<CodeLoss> codes,
			String none) {
		cursor.section(title);
		if (codes.isEmpty()) {
			cursor.cells().text(cursor.next(), 0, none);
			cursor.skip();
			return;
		}
		header(cursor, report);
		int first = cursor.row();
		for (CodeLoss code : codes) {
			row(cursor, code);
		}
		cursor.endTable(first, 7, 8);
	}

	private static void header(SheetCursor cursor, WeeklyReport report) {
		Labels labels = cursor.labels();
		cursor.cells()
			.header(cursor.next(), 0, labels.term("source"), labels.term("stage"),
					labels.term("vendor"), labels.term("code"), labels.term("meaning"),
					labels.thisWeek(report.header().week()), labels.lastWeek(report.header().week()),
					labels.term("change"), labels.get("column.percent"), labels.get("column.status"),
					labels.get("column.baseline"), labels.term("owner"), labels.term("action"));
	}

	private static XSSFRow row(SheetCursor cursor, CodeLoss code) {
		Cells cells = cursor.cells();
		Labels labels = cursor.labels();
		XSSFRow line = cursor.next();
		cells.wrapped(line, 0, labels.source(code.source()));
		cells.wrapped(line, 1, labels.stage(code.stage()));
		cells.wrapped(line, 2, labels.vendor(code.vendor()));
		cells.wrapped(line, 3, code.errCode());
		cells.wrapped(line, 4, labels.meaning(code.remediation()));
		cells.weekOverWeek(line, 5, code.counts());
		cells.text(line, 9, labels.status(code.status()));
		if (code.baseline() != null) {
			cells.count(line, 10, code.baseline().rounded());
		}
		cells.wrapped(line, 11, labels.owner(code.remediation()));
		cells.wrapped(line, 12, labels.action(code.remediation()));
		return line;
	}

}
