package io.pushloss.report.excel;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.WeeklyReport;

/**
 * The Summary's code tables: anomalies and the largest increases and decreases, each with owner and what to do.
 * Columns: source, stage, vendor, code, info, W, W-1, change, % change, baseline (anomalies) or status (movers),
 * owner, what to do; info and what to do wrap.
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
		header(cursor, report, labels.get("column.baseline"));
		int first = cursor.row();
		for (CodeLoss code : anomalies) {
			XSSFRow line = row(cursor, code);
			if (code.baseline() != null) {
				cursor.cells().count(line, 9, code.baseline().rounded());
			}
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
		header(cursor, report, cursor.labels().get("column.status"));
		int first = cursor.row();
		for (CodeLoss code : codes) {
			cursor.cells().text(row(cursor, code), 9, cursor.labels().status(code.status()));
		}
		cursor.endTable(first, 7, 8);
	}

	private static void header(SheetCursor cursor, WeeklyReport report, String tenthColumn) {
		Labels labels = cursor.labels();
		cursor.cells()
			.header(cursor.next(), 0, labels.term("source"), labels.term("stage"),
					labels.term("vendor"), labels.term("code"), labels.term("meaning"),
					labels.thisWeek(report.header().week()), labels.lastWeek(report.header().week()),
					labels.term("change"), labels.get("column.percent"), tenthColumn,
					labels.term("owner"), labels.term("action"));
	}

	private static XSSFRow row(SheetCursor cursor, CodeLoss code) {
		Cells cells = cursor.cells();
		Labels labels = cursor.labels();
		XSSFRow line = cursor.next();
		cells.text(line, 0, labels.source(code.source()));
		cells.text(line, 1, labels.stage(code.stage()));
		cells.text(line, 2, labels.vendor(code.vendor()));
		cells.wrapped(line, 3, code.errCode());
		cells.wrapped(line, 4, labels.meaning(code.remediation()));
		cells.weekOverWeek(line, 5, code.counts());
		cells.wrapped(line, 10, labels.owner(code.remediation()));
		cells.wrapped(line, 11, labels.action(code.remediation()));
		return line;
	}

}
