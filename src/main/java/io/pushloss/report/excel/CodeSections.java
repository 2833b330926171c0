package io.pushloss.report.excel;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFRow;

import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.ReportStory.Cause;
import io.pushloss.analysis.ReportStory.SourceFigure;
import io.pushloss.analysis.WeeklyReport;

/**
 * The Summary's cause tables, as the story tells them (each cause once, as in the email and the PDF): anomalies,
 * other increases and largest decreases, each with owner and what to do. A cause is a vendor's error code; it takes
 * one row per source it occurs in, in source order as the email and the PDF list them, and its cause columns
 * (vendor, code, what it means, who fixes it, what to do) are merged over those rows. Columns: source, stage(s), vendor, code, what it
 * means, W, W-1, change, % change, status, baseline, who fixes it, what to do; the texts wrap.
 */
final class CodeSections {

	/** The columns that describe the cause, merged over its source rows. */
	private static final int[] CAUSE_COLUMNS = { 2, 3, 4, 11, 12 };

	private CodeSections() {
	}

	static void anomalies(SheetCursor cursor, WeeklyReport report, ReportStory story) {
		Labels labels = cursor.labels();
		causes(cursor, report, labels.get("section.anomalies"), story.anomalies(), labels.get("no-anomalies"));
	}

	static void movers(SheetCursor cursor, WeeklyReport report, ReportStory story) {
		Labels labels = cursor.labels();
		String previous = labels.week(report.header().previousWeek());
		causes(cursor, report, labels.get("section.increases"), story.increases(),
				labels.get("no-increases", previous));
		causes(cursor, report, labels.get("section.decreases"), story.decreases(),
				labels.get("no-decreases", previous));
	}

	private static void causes(SheetCursor cursor, WeeklyReport report, String title, List<Cause> causes,
			String none) {
		cursor.section(title);
		if (causes.isEmpty()) {
			cursor.cells().text(cursor.next(), 0, none);
			cursor.skip();
			return;
		}
		header(cursor, report);
		int first = cursor.row();
		for (Cause cause : causes) {
			cause(cursor, cause);
		}
		cursor.endTable(first, 7, 8);
	}

	private static void header(SheetCursor cursor, WeeklyReport report) {
		Labels labels = cursor.labels();
		XSSFRow header = cursor.next();
		cursor.cells()
			.header(header, 0, labels.term("source"), labels.term("stage"),
					labels.term("vendor"), labels.term("code"), labels.term("meaning"),
					labels.thisWeek(report.header().week()), labels.lastWeek(report.header().week()),
					labels.term("change"), labels.get("column.percent"), labels.get("column.status"),
					labels.get("column.baseline"), labels.term("owner"), labels.term("action"));
		cursor.cells().numberHeaders(header, 5, 8);
		cursor.cells().flagHeader(header, 9);
		cursor.cells().numberHeaders(header, 10, 10);
	}

	/** The cause's rows: one per source, in source order. */
	private static void cause(SheetCursor cursor, Cause cause) {
		Cells cells = cursor.cells();
		Labels labels = cursor.labels();
		int first = cursor.row();
		for (SourceFigure figure : cause.sources()) {
			XSSFRow line = cursor.next();
			cells.wrapped(line, 0, labels.source(figure.source()));
			cells.wrapped(line, 1, figure.stages().stream().map(labels::stage).collect(Collectors.joining(", ")));
			cells.weekOverWeek(line, 5, figure.counts());
			cells.centred(line, 9, labels.direction(figure.direction()));
			cells.count(line, 10, figure.baseline());
		}
		int last = cursor.row() - 1;
		String[] texts = { labels.vendor(cause.vendor()), cause.errCode(), labels.meaning(cause.remediation()),
				labels.owner(cause.remediation()), labels.action(cause.remediation()) };
		for (int i = 0; i < CAUSE_COLUMNS.length; i++) {
			cells.wrapped(cursor.sheet(), first, last, CAUSE_COLUMNS[i], texts[i]);
		}
		// a hairline under each cause, so that its source rows read as one
		cells.lineUnder(cursor.sheet().getRow(last), 0, SummarySheet.LAST_COLUMN);
	}

}
