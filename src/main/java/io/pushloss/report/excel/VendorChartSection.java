package io.pushloss.report.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;

import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Vendor;

/**
 * The Summary's loss per vendor, both stages summed, and one native bar chart per source (W against W-1, one bar
 * per vendor and week): the two sources are never added together. The charts sit side by side right below the
 * totals, on the first screen of the sheet; their numbers are the table further down, which they read.
 */
final class VendorChartSection {

	/** The rows the charts take. */
	static final int CHART_ROWS = 19;

	private final WeeklyReport report;

	private final Map<LossSource, Map<Vendor, WeekOverWeek>> perVendor;

	private final int chartRow;

	private final List<ChartData> charts = new ArrayList<>();

	private int headerRow;

	private VendorChartSection(WeeklyReport report, Map<LossSource, Map<Vendor, WeekOverWeek>> perVendor,
			int chartRow) {
		this.report = report;
		this.perVendor = perVendor;
		this.chartRow = chartRow;
	}

	/** The chart's rows of one source in the table. */
	private record ChartData(LossSource source, int firstRow, int lastRow) {
	}

	/** Writes the charts' section title and leaves room for them (nothing when no vendor lost anything). */
	static VendorChartSection reserve(SheetCursor cursor, WeeklyReport report) {
		Map<LossSource, Map<Vendor, WeekOverWeek>> perVendor = perVendor(report);
		if (perVendor.isEmpty()) {
			return new VendorChartSection(report, perVendor, -1);
		}
		cursor.section(cursor.labels().get("section.charts"));
		int chartRow = cursor.reserve(CHART_ROWS);
		cursor.skip();
		return new VendorChartSection(report, perVendor, chartRow);
	}

	/**
	 * Lost pushes per source and vendor, both stages added, in the report's one vendor order (by this week's lost
	 * pushes, {@link WeeklyReport#vendorOrder()}): the story's per-source vendor counts, as the email and the PDF
	 * chart them.
	 */
	static Map<LossSource, Map<Vendor, WeekOverWeek>> perVendor(WeeklyReport report) {
		Map<LossSource, Map<Vendor, WeekOverWeek>> ordered = new LinkedHashMap<>();
		for (ReportStory.SourceHeadline headline : report.story().headlines()) {
			if (headline.vendors().isEmpty()) {
				continue;
			}
			Map<Vendor, WeekOverWeek> vendors = new LinkedHashMap<>();
			headline.vendors().forEach((vendor) -> vendors.put(vendor.vendor(), vendor.counts()));
			ordered.put(headline.source(), vendors);
		}
		return ordered;
	}

	/** The table the charts read: source, vendor, W, W-1, change, % change, flag. */
	void writeTable(SheetCursor cursor) {
		if (this.perVendor.isEmpty()) {
			return;
		}
		Cells cells = cursor.cells();
		Labels labels = cursor.labels();
		IsoWeek week = this.report.header().week();
		cursor.section(labels.get("section.vendors"));
		this.headerRow = cursor.row();
		XSSFRow header = cursor.next();
		cells.header(header, 0, labels.term("source"), labels.term("vendor"),
				labels.thisWeek(week), labels.lastWeek(week), labels.term("change"),
				labels.get("column.percent"), labels.get("column.flag"));
		cells.numberHeaders(header, 2, 5);
		cells.flagHeader(header, 6);
		int first = cursor.row();
		for (Map.Entry<LossSource, Map<Vendor, WeekOverWeek>> source : this.perVendor.entrySet()) {
			int sourceFirst = cursor.row();
			for (Map.Entry<Vendor, WeekOverWeek> vendor : source.getValue().entrySet()) {
				XSSFRow line = cursor.next();
				cells.wrapped(line, 0, labels.source(source.getKey()));
				cells.wrapped(line, 1, labels.vendor(vendor.getKey()));
				cells.weekOverWeek(line, 2, vendor.getValue(), labels.newFlag());
			}
			this.charts.add(new ChartData(source.getKey(), sourceFirst, cursor.row() - 1));
		}
		cursor.endTable(first, 4, 5);
	}

	/** Draws the charts into the room left for them, side by side: one per source. */
	void drawCharts(SheetCursor cursor) {
		if (this.charts.isEmpty()) {
			return;
		}
		Labels labels = cursor.labels();
		IsoWeek week = this.report.header().week();
		String sheetName = cursor.sheet().getSheetName();
		int columns = SummarySheet.LAST_COLUMN + 1;
		for (int i = 0; i < this.charts.size(); i++) {
			ChartData data = this.charts.get(i);
			int fromColumn = (this.charts.size() == 1) ? 0 : ((i == 0) ? 0 : 6);
			int toColumn = (this.charts.size() == 1) ? 7 : ((i == 0) ? 6 : columns);
			List<Charts.Series> series = List.of(
					new Charts.Series(labels.thisWeek(week), new CellReference(sheetName, this.headerRow, 2, true, true),
							new CellRangeAddress(data.firstRow(), data.lastRow(), 2, 2), VendorColours.THIS_WEEK),
					new Charts.Series(labels.lastWeek(week), new CellReference(sheetName, this.headerRow, 3, true, true),
							new CellRangeAddress(data.firstRow(), data.lastRow(), 3, 3), VendorColours.LAST_WEEK));
			Charts.bar(cursor.sheet(),
					new Charts.Placement(fromColumn, this.chartRow, toColumn, this.chartRow + CHART_ROWS),
					labels.get("chart.vendors", labels.source(data.source())), labels.get("chart.axis"),
					new CellRangeAddress(data.firstRow(), data.lastRow(), 1, 1), series);
		}
	}

}
