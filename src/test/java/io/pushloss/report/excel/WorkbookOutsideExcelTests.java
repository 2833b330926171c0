package io.pushloss.report.excel;

import io.pushloss.analysis.CodeStatus;
import io.pushloss.domain.Stage;
import io.pushloss.analysis.ReportText;
import java.util.Locale;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumVal;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTSerTx;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTStrVal;
import org.openxmlformats.schemas.drawingml.x2006.main.CTShapeProperties;

import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;

import static io.pushloss.report.excel.WorkbookReading.row;
import static io.pushloss.report.excel.WorkbookReading.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader without Excel needs from the workbook, checked in its OOXML: charts whose every series carries its
 * own colours and title, placed on the first screen; a print setup on every sheet; number columns that hold only
 * numbers; chart figures that are the table's.
 */
class WorkbookOutsideExcelTests {

	static final ReportText EN = ReportText.bundled(Locale.ENGLISH);

	static final Instant CREATED = Instant.parse("2026-11-16T02:00:00Z");

	/** Headers of the columns that hold numbers only (or nothing). */
	static final Set<String> NUMERIC_HEADERS = Set.of("This week (2026-W46)", "Last week (2026-W45)", "Change", "% change",
			"Share of stage", "Baseline (weekly mean)", "Count", "Planned windows", "Stored windows",
			"Missing windows");

	@TempDir
	static Path folder;

	static WeeklyReport report;

	static XSSFWorkbook workbook;

	@BeforeAll
	static void writeTypicalWeek() throws Exception {
		report = SampleReports.typicalWeek();
		Path file = new ExcelReportWriter().write(report, RawRowFixtures.generated(300), folder, CREATED);
		workbook = WorkbookReading.open(file);
	}

	@AfterAll
	static void close() throws Exception {
		workbook.close();
	}

	@Test
	void everyChartSeriesHasItsOwnFillOrLineColourAndACachedTitle() {
		List<XSSFChart> charts = charts();
		assertThat(charts).hasSize(4);
		int series = 0;
		for (XSSFChart chart : charts) {
			CTPlotArea plot = chart.getCTChart().getPlotArea();
			for (var bars : plot.getBarChartList()) {
				for (CTBarSer bar : bars.getSerList()) {
					assertSolidFill(bar.getSpPr(), "bar series " + bar.getIdx().getVal());
					assertCachedTitle(bar.getTx());
					series++;
				}
			}
			for (var lines : plot.getLineChartList()) {
				for (CTLineSer line : lines.getSerList()) {
					assertThat(line.getSpPr().getLn().isSetSolidFill()).as("line of series %s", line.getIdx().getVal())
						.isTrue();
					assertThat(line.getSpPr().getLn().getW()).isPositive();
					assertThat(line.getMarker().getSymbol().getVal().toString()).isEqualTo("circle");
					assertSolidFill(line.getMarker().getSpPr(), "marker of series " + line.getIdx().getVal());
					assertCachedTitle(line.getTx());
					series++;
				}
			}
			assertThat(chart.getTitleText().getString()).isNotBlank();
			assertThat(chart.getAxes()).allSatisfy((axis) -> assertThat(axis.isVisible()).isTrue());
		}
		long vendorLines = report.trend().stream().map((p) -> p.source() + "/" + p.vendor()).distinct().count();
		assertThat(series).isEqualTo(2 * 2 + vendorLines);
	}

	@Test
	void everyVendorHasItsOwnLineColour() {
		for (XSSFChart chart : charts(workbook.getSheet("Trend"))) {
			List<String> colours = new ArrayList<>();
			for (CTLineSer line : chart.getCTChart().getPlotArea().getLineChartArray(0).getSerList()) {
				colours.add(hex(line.getSpPr().getLn().getSolidFill().getSrgbClr().getVal()));
			}
			assertThat(colours).doesNotHaveDuplicates();
		}
	}

	@Test
	void placesTheVendorChartsBelowTheTotalsOnTheSummarysFirstScreen() {
		XSSFSheet summary = workbook.getSheet("Summary");
		Row charts = row(summary, "Charts: lost pushes per vendor, per source (both stages)");
		List<XSSFClientAnchor> anchors = anchors(summary);
		assertThat(anchors).hasSize(2);
		for (XSSFClientAnchor anchor : anchors) {
			assertThat(anchor.getCol1()).isBetween((short) 0, (short) SummarySheet.LAST_COLUMN);
			assertThat((int) anchor.getCol2()).isLessThanOrEqualTo(SummarySheet.LAST_COLUMN + 1);
			assertThat(anchor.getRow1()).isEqualTo(charts.getRowNum() + 1);
			assertThat(anchor.getRow2()).isLessThan(40);
		}
		assertThat(anchors.get(0).getCol2()).isLessThanOrEqualTo(anchors.get(1).getCol1());
		for (XSSFClientAnchor anchor : anchors(workbook.getSheet("Trend"))) {
			assertThat(anchor.getCol1()).isZero();
			assertThat(anchor.getRow1()).isGreaterThan(workbook.getSheet("Trend").getLastRowNum());
		}
	}

	@Test
	void vendorChartsShowEachSourceOnItsOwnWithTheTablesTotalsPerVendor() {
		XSSFSheet summary = workbook.getSheet("Summary");
		List<XSSFChart> charts = charts(summary);
		for (int i = 0; i < charts.size(); i++) {
			LossSource source = List.of(LossSource.ALL_MEMBER, LossSource.NORMAL).get(i);
			assertThat(charts.get(i).getTitleText().getString()).contains(EN.source(source));
			List<CTBarSer> series = charts.get(i).getCTChart().getPlotArea().getBarChartArray(0).getSerList();
			List<String> vendors = series.get(0).getCat().getStrRef().getStrCache().getPtList().stream()
				.map(CTStrVal::getV)
				.toList();
			Map<String, Long> chartThisWeek = cached(vendors, series.get(0));
			Map<String, Long> chartLastWeek = cached(vendors, series.get(1));
			Map<String, Long> modelThisWeek = new HashMap<>();
			Map<String, Long> modelLastWeek = new HashMap<>();
			for (VendorLoss loss : report.vendors()) {
				if (loss.source() == source) {
					modelThisWeek.merge(EN.vendor(loss.vendor()), loss.counts().thisWeek(), Long::sum);
					modelLastWeek.merge(EN.vendor(loss.vendor()), loss.counts().lastWeek(), Long::sum);
				}
			}
			assertThat(chartThisWeek).isEqualTo(modelThisWeek);
			assertThat(chartLastWeek).isEqualTo(modelLastWeek);
			assertThat(sheetTotals(workbook.getSheet("By vendor"), source, 3)).isEqualTo(modelThisWeek);
			assertThat(sheetTotals(workbook.getSheet("By vendor"), source, 4)).isEqualTo(modelLastWeek);
			List<String> oneOrder = report.vendorOrder().stream().map(EN::vendor).filter(modelThisWeek::containsKey).toList();
			assertThat(vendors).as("the report's one vendor order").isEqualTo(oneOrder);
		}
	}

	@Test
	void printsEverySheetLandscapeOnePageWideWithItsHeaderRowRepeated() {
		for (Sheet sheet : workbook) {
			PrintSetup setup = sheet.getPrintSetup();
			assertThat(setup.getLandscape()).as(sheet.getSheetName()).isTrue();
			assertThat(setup.getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
			assertThat(setup.getFitWidth()).as(sheet.getSheetName()).isEqualTo((short) 1);
			assertThat(setup.getFitHeight()).as(sheet.getSheetName()).isZero();
			assertThat(sheet.getRepeatingRows()).as(sheet.getSheetName()).isNotNull();
			assertThat(sheet.getRepeatingRows().getFirstRow()).as(sheet.getSheetName()).isZero();
			assertThat(sheet.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT)).isLessThan(0.75);
			assertThat(sheet.getFooter().getRight()).isEqualTo("Page &P of &N");
			assertThat(sheet.getHeader().getLeft()).isEqualTo("Push-loss weekly report: weekly-push-loss, 2026-W46");
		}
		assertThat(workbook.getPrintArea(workbook.getSheetIndex("Raw"))).isEqualTo("Raw!$A$1:$J$101");
	}

	@Test
	void numberColumnsHoldOnlyNumbersOrNothing() {
		int checked = 0;
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					boolean weekOfTrend = sheet.getSheetName().equals("Trend") && row.getRowNum() == 0
							&& cell.getColumnIndex() >= 2;
					if (cell.getCellType() == CellType.STRING
							&& (weekOfTrend || NUMERIC_HEADERS.contains(cell.getStringCellValue().replace('\n', ' ')))) {
						checked += assertNumbersBelow(sheet, row.getRowNum(), cell.getColumnIndex());
					}
				}
			}
		}
		assertThat(checked).as("number cells checked").isGreaterThan(600);
	}

	@Test
	void aCodeNewThisWeekHasAnEmptyChangeAndSaysSoInItsStatusOrFlag() {
		Row vivo = row(workbook.getSheet("By error code"), "Push to all", "vivo", EN.stage(Stage.POST_SEND_DELIVERED), "10070");
		assertThat(vivo.getCell(8).getCellType()).isEqualTo(CellType.BLANK);
		assertThat(vivo.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		assertThat(text(vivo, 9)).isEqualTo(EN.status(CodeStatus.NEW));
		assertThat(Cells.isNew(new io.pushloss.analysis.WeekOverWeek(5, 0))).isTrue();
		assertThat(Cells.isNew(new io.pushloss.analysis.WeekOverWeek(0, 0))).isFalse();
	}

	private static int assertNumbersBelow(Sheet sheet, int headerRow, int column) {
		int checked = 0;
		for (int i = headerRow + 1; i <= sheet.getLastRowNum(); i++) {
			Row row = sheet.getRow(i);
			if (row == null || row.getCell(0) == null || row.getCell(0).getCellType() == CellType.BLANK) {
				return checked; // the table ends at its first empty row
			}
			if (sheet.getWorkbook().getFontAt(row.getCell(0).getCellStyle().getFontIndexAsInt()).getBold()) {
				return checked; // the next table's header or section title
			}
			Cell cell = row.getCell(column);
			CellType type = (cell != null) ? cell.getCellType() : CellType.BLANK;
			assertThat(type).as("%s!%s%d", sheet.getSheetName(), (char) ('A' + column), i + 1)
				.isIn(CellType.NUMERIC, CellType.BLANK);
			checked++;
		}
		return checked;
	}

	private static Map<String, Long> sheetTotals(Sheet vendors, LossSource source, int column) {
		Map<String, Long> totals = new HashMap<>();
		for (Row row : vendors) {
			if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(EN.source(source))) {
				totals.merge(row.getCell(1).getStringCellValue(), (long) row.getCell(column).getNumericCellValue(),
						Long::sum);
			}
		}
		return totals;
	}

	private static Map<String, Long> cached(List<String> vendors, CTBarSer series) {
		Map<String, Long> values = new HashMap<>();
		for (CTNumVal point : series.getVal().getNumRef().getNumCache().getPtList()) {
			values.put(vendors.get((int) point.getIdx()), Math.round(Double.parseDouble(point.getV())));
		}
		return values;
	}

	private static void assertSolidFill(CTShapeProperties shape, String what) {
		assertThat(shape).as(what).isNotNull();
		assertThat(shape.isSetSolidFill()).as("solid fill of %s", what).isTrue();
		assertThat(shape.getSolidFill().isSetSrgbClr()).as("RGB colour of %s", what).isTrue();
	}

	private static void assertCachedTitle(CTSerTx title) {
		assertThat(title.getStrRef().getF()).isNotBlank();
		assertThat(title.getStrRef().getStrCache().getPtArray(0).getV()).isNotBlank();
	}

	private static String hex(byte[] rgb) {
		return java.util.HexFormat.of().formatHex(rgb);
	}

	private static List<XSSFChart> charts() {
		List<XSSFChart> charts = new ArrayList<>();
		for (Sheet sheet : workbook) {
			if (sheet instanceof XSSFSheet xssf) {
				charts.addAll(charts(xssf));
			}
		}
		return charts;
	}

	private static List<XSSFChart> charts(XSSFSheet sheet) {
		return (sheet.getDrawingPatriarch() != null) ? sheet.getDrawingPatriarch().getCharts() : List.of();
	}

	private static List<XSSFClientAnchor> anchors(XSSFSheet sheet) {
		List<XSSFClientAnchor> anchors = new ArrayList<>();
		for (XSSFShape shape : sheet.getDrawingPatriarch().getShapes()) {
			anchors.add((XSSFClientAnchor) shape.getAnchor());
		}
		return anchors;
	}

}
