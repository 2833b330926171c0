package io.pushloss.report.excel;

import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;

import io.pushloss.analysis.Completeness.MissingRange;
import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.WeeklyReport;

/**
 * The Summary's completeness: planned and stored windows per week and the missing ranges.
 */
final class CompletenessSection {

	/** Listing every missing window of a badly broken week would bury the rest of the sheet. */
	static final int MAX_MISSING_RANGES = 500;

	private CompletenessSection() {
	}

	static int missingWindows(WeekCompleteness week) {
		return Math.max(0, week.plannedWindows() - week.storedWindows());
	}

	static void write(SheetCursor cursor, WeeklyReport report) {
		Cells cells = cursor.cells();
		Labels labels = cursor.labels();
		cursor.section(labels.get("section.completeness"));
		XSSFRow header = cursor.next();
		cells.header(header, 0, labels.get("column.week"), labels.get("column.planned"),
				labels.get("column.stored"), labels.get("column.missing-windows"), labels.get("column.status"));
		cells.numberHeaders(header, 1, 3);
		for (WeekCompleteness week : report.completeness().weeks()) {
			XSSFRow line = cursor.next();
			cells.text(line, 0, labels.week(week.week()));
			cells.count(line, 1, week.plannedWindows());
			cells.count(line, 2, week.storedWindows());
			cells.count(line, 3, missingWindows(week));
			cells.text(line, 4, (week.missing().isEmpty() ? labels.get("complete") : labels.term("partial")));
		}
		cursor.skip();
		List<WeekCompleteness> withGaps = report.completeness()
			.weeks()
			.stream()
			.filter((week) -> !week.missing().isEmpty())
			.toList();
		if (!withGaps.isEmpty()) {
			missingRanges(cursor, report, withGaps);
		}
	}

	private static void missingRanges(SheetCursor cursor, WeeklyReport report, List<WeekCompleteness> withGaps) {
		Cells cells = cursor.cells();
		Labels labels = cursor.labels();
		cursor.section(labels.get("section.missing"));
		cells.header(cursor.next(), 0, labels.get("column.week"), labels.term("source"),
				labels.term("task"), labels.get("column.start"), labels.get("column.end"));
		int total = withGaps.stream().mapToInt((week) -> week.missing().size()).sum();
		int listed = 0;
		for (WeekCompleteness week : withGaps) {
			for (MissingRange range : week.missing()) {
				if (listed == MAX_MISSING_RANGES) {
					cells.text(cursor.next(), 0, labels.get("more-missing", labels.count(total - listed)));
					cursor.skip();
					return;
				}
				XSSFRow line = cursor.next();
				cells.text(line, 0, labels.week(week.week()));
				cells.text(line, 1, labels.source(range.source()));
				cells.wrapped(line, 2, range.taskId());
				cells.dateTime(line, 3, range.start(), report.header().zone());
				cells.dateTime(line, 4, range.end(), report.header().zone());
				listed++;
			}
		}
		cursor.skip();
	}

}
