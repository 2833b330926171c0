package io.pushloss.report.excel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;

import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Vendor;

/**
 * The Summary's loss per vendor, both stages summed, and beside it one native bar chart per source (W against
 * W-1): the two sources are never added together.
 */
final class VendorChartSection {

	static final String TITLE = "Lost pushes per vendor (both stages)";

	/** The charts sit right of the Summary's tables (column N on). */
	private static final int CHART_COLUMN = SummarySheet.LAST_COLUMN + 2;

	private static final int CHART_HEIGHT = 20;

	private VendorChartSection() {
	}

	static void write(SheetCursor cursor, WeeklyReport report) {
		Map<LossSource, Map<Vendor, WeekOverWeek>> perVendor = new TreeMap<>();
		for (VendorLoss loss : report.vendors()) {
			perVendor.computeIfAbsent(loss.source(), (source) -> new EnumMap<>(Vendor.class))
				.merge(loss.vendor(), loss.counts(), WeekOverWeek::plus);
		}
		if (perVendor.isEmpty()) {
			return;
		}
		Cells cells = cursor.cells();
		IsoWeek week = report.header().week();
		cursor.section(TITLE);
		int headerRow = cursor.row();
		cells.header(cursor.next(), 0, "Source", "Vendor", Labels.thisWeek(week), Labels.lastWeek(week), "Delta",
				"% change");
		int first = cursor.row();
		int chartRow = 0;
		for (Map.Entry<LossSource, Map<Vendor, WeekOverWeek>> source : perVendor.entrySet()) {
			int sourceFirst = cursor.row();
			for (Map.Entry<Vendor, WeekOverWeek> vendor : source.getValue().entrySet()) {
				XSSFRow line = cursor.next();
				cells.text(line, 0, source.getKey().displayName());
				cells.text(line, 1, vendor.getKey().displayName());
				cells.weekOverWeek(line, 2, vendor.getValue());
			}
			int sourceLast = cursor.row() - 1;
			String sheetName = cursor.sheet().getSheetName();
			List<Charts.Series> series = List.of(
					new Charts.Series(Labels.thisWeek(week), new CellReference(sheetName, headerRow, 2, true, true),
							new CellRangeAddress(sourceFirst, sourceLast, 2, 2)),
					new Charts.Series(Labels.lastWeek(week), new CellReference(sheetName, headerRow, 3, true, true),
							new CellRangeAddress(sourceFirst, sourceLast, 3, 3)));
			Charts.bar(cursor.sheet(),
					new Charts.Placement(CHART_COLUMN, chartRow, CHART_COLUMN + 10, chartRow + CHART_HEIGHT),
					"Lost pushes per vendor: " + source.getKey().displayName(), "Lost pushes",
					new CellRangeAddress(sourceFirst, sourceLast, 1, 1), series);
			chartRow += CHART_HEIGHT + 1;
		}
		cursor.endTable(first, 4, 5);
	}

}
