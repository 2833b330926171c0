package io.pushloss.report.excel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import io.pushloss.analysis.TrendPoint;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.Counts;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Vendor;

/**
 * The Trend sheet: one row per source and vendor, one column per week (baseline weeks and W, oldest first), and a
 * line chart per source beside the table.
 */
final class TrendSheet {

	static final String NAME = "Trend";

	private static final int FIRST_WEEK_COLUMN = 2;

	private static final int CHART_HEIGHT = 20;

	private final Cells cells;

	TrendSheet(Cells cells) {
		this.cells = cells;
	}

	void write(XSSFSheet sheet, WeeklyReport report) {
		List<IsoWeek> weeks = weeks(report);
		Map<LossSource, Map<Vendor, Map<IsoWeek, Long>>> counts = new TreeMap<>();
		for (TrendPoint point : report.trend()) {
			counts.computeIfAbsent(point.source(), (source) -> new EnumMap<>(Vendor.class))
				.computeIfAbsent(point.vendor(), (vendor) -> new TreeMap<>())
				.merge(point.week(), point.count(), (a, c) -> Counts.add(a, c, "lost pushes of " + point.vendor()
						+ " in " + point.week()));
		}
		int lastColumn = FIRST_WEEK_COLUMN + weeks.size() - 1;
		sheet.setColumnWidth(0, 16 * 256);
		sheet.setColumnWidth(1, 14 * 256);
		for (int column = FIRST_WEEK_COLUMN; column <= lastColumn; column++) {
			sheet.setColumnWidth(column, 12 * 256);
		}
		XSSFRow header = sheet.createRow(0);
		this.cells.header(header, 0, "Source", "Vendor");
		this.cells.header(header, FIRST_WEEK_COLUMN, weeks.stream().map(IsoWeek::toString).toArray(String[]::new));
		int row = 1;
		int chartRow = 0;
		for (Map.Entry<LossSource, Map<Vendor, Map<IsoWeek, Long>>> source : counts.entrySet()) {
			List<Charts.Series> series = new ArrayList<>();
			for (Map.Entry<Vendor, Map<IsoWeek, Long>> vendor : source.getValue().entrySet()) {
				XSSFRow line = sheet.createRow(row);
				this.cells.text(line, 0, source.getKey().displayName());
				this.cells.text(line, 1, vendor.getKey().displayName());
				for (int i = 0; i < weeks.size(); i++) {
					this.cells.count(line, FIRST_WEEK_COLUMN + i, vendor.getValue().getOrDefault(weeks.get(i), 0L));
				}
				series.add(new Charts.Series(vendor.getKey().displayName(),
						new CellReference(sheet.getSheetName(), row, 1, true, true),
						new CellRangeAddress(row, row, FIRST_WEEK_COLUMN, lastColumn)));
				row++;
			}
			int chartColumn = lastColumn + 2;
			Charts.line(sheet, new Charts.Placement(chartColumn, chartRow, chartColumn + 10, chartRow + CHART_HEIGHT),
					"Lost pushes per week: " + source.getKey().displayName(), "Lost pushes",
					new CellRangeAddress(0, 0, FIRST_WEEK_COLUMN, lastColumn), series);
			chartRow += CHART_HEIGHT + 1;
		}
		SheetLayout.table(sheet, 0, Math.max(row - 1, 0), lastColumn);
	}

	/** The baseline weeks and W, oldest first, plus any week the trend mentions. */
	static List<IsoWeek> weeks(WeeklyReport report) {
		SortedSet<IsoWeek> weeks = new TreeSet<>(report.header().baselineWeeks());
		weeks.add(report.header().week());
		report.trend().forEach((point) -> weeks.add(point.week()));
		return List.copyOf(weeks);
	}

}
