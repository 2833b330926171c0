package io.pushloss.report.excel;

import java.util.List;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts (DrawingML, built with XDDF) over cell ranges already written on the sheet, so the charts
 * follow the numbers if a user edits them.
 */
final class Charts {

	private Charts() {
	}

	/**
	 * Where a chart goes: columns {@code fromColumn..toColumn} (exclusive) and rows {@code fromRow..toRow}
	 * (exclusive).
	 */
	record Placement(int fromColumn, int fromRow, int toColumn, int toRow) {
	}

	/**
	 * One series: its name, the cell holding the name (or {@code null}) and its values, on the same rows or columns
	 * as the categories.
	 */
	record Series(String name, CellReference nameCell, CellRangeAddress values) {
	}

	/** A clustered column chart: one bar per category and series. */
	static XSSFChart bar(XSSFSheet sheet, Placement placement, String title, String valueAxisTitle,
			CellRangeAddress categories, List<Series> series) {
		XSSFChart chart = chart(sheet, placement, title);
		XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis valueAxis = valueAxis(chart, valueAxisTitle);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
		data.setBarDirection(BarDirection.COL);
		data.setVaryColors(false);
		addSeries(sheet, data, categories, series);
		chart.plot(data);
		return chart;
	}

	/** A line chart with markers: one line per series over the categories. */
	static XSSFChart line(XSSFSheet sheet, Placement placement, String title, String valueAxisTitle,
			CellRangeAddress categories, List<Series> series) {
		XSSFChart chart = chart(sheet, placement, title);
		XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis valueAxis = valueAxis(chart, valueAxisTitle);
		XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categoryAxis, valueAxis);
		data.setVaryColors(false);
		for (XDDFChartData.Series added : addSeries(sheet, data, categories, series)) {
			XDDFLineChartData.Series line = (XDDFLineChartData.Series) added;
			line.setMarkerStyle(MarkerStyle.CIRCLE);
			line.setSmooth(false);
		}
		chart.plot(data);
		return chart;
	}

	private static XSSFChart chart(XSSFSheet sheet, Placement placement, String title) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, placement.fromColumn(), placement.fromRow(),
				placement.toColumn(), placement.toRow());
		// filtering the table beside the chart hides rows; an absolute anchor keeps the chart's size
		anchor.setAnchorType(ClientAnchor.AnchorType.DONT_MOVE_AND_RESIZE);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		return chart;
	}

	private static XDDFValueAxis valueAxis(XSSFChart chart, String title) {
		XDDFValueAxis axis = chart.createValueAxis(AxisPosition.LEFT);
		axis.setCrosses(AxisCrosses.AUTO_ZERO);
		axis.setTitle(title);
		axis.setNumberFormat("#,##0");
		return axis;
	}

	private static List<XDDFChartData.Series> addSeries(XSSFSheet sheet, XDDFChartData data,
			CellRangeAddress categories, List<Series> series) {
		XDDFCategoryDataSource categorySource = XDDFDataSourcesFactory.fromStringCellRange(sheet, categories);
		return series.stream().map((one) -> {
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					one.values());
			XDDFChartData.Series added = data.addSeries(categorySource, values);
			added.setTitle(one.name(), one.nameCell());
			return added;
		}).toList();
	}

}
