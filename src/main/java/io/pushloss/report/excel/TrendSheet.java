package io.pushloss.report.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The Trend sheet: one row per source and vendor (in the Summary's vendor order), one column per week (baseline
 * weeks and W, oldest first), and below the table a line chart per source, one line per vendor in the vendor's
 * colour.
 */
final class TrendSheet {

	private static final int FIRST_WEEK_COLUMN = 2;

	private static final int CHART_ROWS = 15;

	/** The charts span columns A to H. */
	private static final int CHART_COLUMNS = 8;

	private final Cells cells;

	private final Labels labels;

	TrendSheet(Cells cells, Labels labels) {
		this.cells = cells;
		this.labels = labels;
	}

	void write(XSSFSheet sheet, WeeklyReport report, String title) {
		List<IsoWeek> weeks = weeks(report);
		Map<LossSource, Map<Vendor, Map<IsoWeek, Long>>> counts = new TreeMap<>();
		for (TrendPoint point : report.trend()) {
			counts.computeIfAbsent(point.source(), (source) -> new TreeMap<>())
				.computeIfAbsent(point.vendor(), (vendor) -> new TreeMap<>())
				.merge(point.week(), point.count(), (a, c) -> Counts.add(a, c, "lost pushes of " + point.vendor()
						+ " in " + point.week()));
		}
		int lastColumn = FIRST_WEEK_COLUMN + weeks.size() - 1;
		sheet.setColumnWidth(0, 14 * 256);
		sheet.setColumnWidth(1, 16 * 256);
		for (int column = FIRST_WEEK_COLUMN; column < Math.max(lastColumn + 1, CHART_COLUMNS); column++) {
			sheet.setColumnWidth(column, 12 * 256);
		}
		XSSFRow header = sheet.createRow(0);
		this.cells.header(header, 0, this.labels.term("source"), this.labels.term("vendor"));
		this.cells.header(header, FIRST_WEEK_COLUMN, weeks.stream().map(this.labels::week).toArray(String[]::new));
		this.cells.numberHeaders(header, FIRST_WEEK_COLUMN, lastColumn);
		List<Vendor> order = report.vendorOrder();
		int row = 1;
		Map<LossSource, List<Charts.Series>> charts = new LinkedHashMap<>();
		for (Map.Entry<LossSource, Map<Vendor, Map<IsoWeek, Long>>> source : counts.entrySet()) {
			List<Charts.Series> series = new ArrayList<>();
			for (Vendor vendor : vendorOrder(source.getValue().keySet(), order)) {
				Map<IsoWeek, Long> perWeek = source.getValue().get(vendor);
				XSSFRow line = sheet.createRow(row);
				this.cells.text(line, 0, this.labels.source(source.getKey()));
				this.cells.text(line, 1, this.labels.vendor(vendor));
				for (int i = 0; i < weeks.size(); i++) {
					this.cells.count(line, FIRST_WEEK_COLUMN + i, perWeek.getOrDefault(weeks.get(i), 0L));
				}
				series.add(new Charts.Series(this.labels.vendor(vendor),
						new CellReference(sheet.getSheetName(), row, 1, true, true),
						new CellRangeAddress(row, row, FIRST_WEEK_COLUMN, lastColumn), VendorColours.of(vendor)));
				row++;
			}
			charts.put(source.getKey(), series);
		}
		int chartRow = row + 1;
		// the charts print together on a page of their own, never cut by a page break
		sheet.setRowBreak(row);
		for (Map.Entry<LossSource, List<Charts.Series>> chart : charts.entrySet()) {
			Charts.line(sheet, new Charts.Placement(0, chartRow, CHART_COLUMNS, chartRow + CHART_ROWS),
					this.labels.get("chart.trend", this.labels.source(chart.getKey())), this.labels.get("chart.axis"),
					new CellRangeAddress(0, 0, FIRST_WEEK_COLUMN, lastColumn), chart.getValue());
			chartRow += CHART_ROWS + 1;
		}
		SheetLayout.table(sheet, 0, Math.max(row - 1, 0), lastColumn);
		SheetLayout.print(sheet, 1, title, this.labels.get("footer"));
	}

	/** The report's one vendor order (most lost this week first), then any vendor only the baseline weeks had. */
	private static List<Vendor> vendorOrder(Set<Vendor> vendors, List<Vendor> order) {
		List<Vendor> ordered = new ArrayList<>();
		order.stream().filter(vendors::contains).forEach(ordered::add);
		vendors.stream().filter((vendor) -> !ordered.contains(vendor)).forEach(ordered::add);
		return ordered;
	}

	/** The baseline weeks and W, oldest first, plus any week the trend mentions. */
	static List<IsoWeek> weeks(WeeklyReport report) {
		SortedSet<IsoWeek> weeks = new TreeSet<>(report.header().baselineWeeks());
		weeks.add(report.header().week());
		report.trend().forEach((point) -> weeks.add(point.week()));
		return List.copyOf(weeks);
	}

}
