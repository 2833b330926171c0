package io.pushloss.report.excel;

import java.util.HexFormat;
import java.util.List;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
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
 * <p>
 * Every series carries its own shape properties ({@code c:spPr}: a solid fill for bars, a coloured line and filled
 * markers for lines) and a title with its cached text: without them LibreOffice and WPS draw empty bar charts and
 * same-colour dots where Excel picks its theme's colours.
 */
final class Charts {

	/** The value axis' gridlines. */
	private static final String GRID = "D9D9D9";

	private Charts() {
	}

	/**
	 * Where a chart goes: columns {@code fromColumn..toColumn} (exclusive) and rows {@code fromRow..toRow}
	 * (exclusive).
	 */
	record Placement(int fromColumn, int fromRow, int toColumn, int toRow) {
	}

	/**
	 * One series: its name, the cell holding the name (or {@code null}), its values (on the same rows or columns as
	 * the categories) and its colour ({@code RRGGBB}).
	 */
	record Series(String name, CellReference nameCell, CellRangeAddress values, String colour) {
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
		data.setGapWidth(60);
		List<XDDFChartData.Series> added = addSeries(sheet, data, categories, series);
		for (int i = 0; i < added.size(); i++) {
			XDDFColor colour = colour(series.get(i).colour());
			XDDFShapeProperties shape = new XDDFShapeProperties();
			shape.setFillProperties(new XDDFSolidFillProperties(colour));
			shape.setLineProperties(line(colour, 0.75));
			added.get(i).setShapeProperties(shape);
		}
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
		List<XDDFChartData.Series> added = addSeries(sheet, data, categories, series);
		for (int i = 0; i < added.size(); i++) {
			XDDFLineChartData.Series line = (XDDFLineChartData.Series) added.get(i);
			XDDFColor colour = colour(series.get(i).colour());
			XDDFShapeProperties shape = new XDDFShapeProperties();
			shape.setLineProperties(line(colour, 2.25));
			line.setShapeProperties(shape);
			line.setMarkerStyle(MarkerStyle.CIRCLE);
			XDDFShapeProperties marker = new XDDFShapeProperties();
			marker.setFillProperties(new XDDFSolidFillProperties(colour));
			marker.setLineProperties(line(colour, 0.75));
			line.getCTLineSer().getMarker().setSpPr(marker.getXmlObject());
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
		axis.getOrAddMajorGridProperties().setLineProperties(line(colour(GRID), 0.5));
		return axis;
	}

	private static XDDFLineProperties line(XDDFColor colour, double points) {
		XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(colour));
		line.setWidth(points);
		return line;
	}

	private static XDDFColor colour(String rgb) {
		return XDDFColor.from(HexFormat.of().parseHex(rgb));
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
