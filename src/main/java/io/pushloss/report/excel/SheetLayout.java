package io.pushloss.report.excel;

import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Sheet-level formatting shared by the tables: explicit column widths (autoSize is slow on streamed sheets),
 * frozen header rows, auto-filters, red / green deltas and the print setup.
 */
final class SheetLayout {

	private SheetLayout() {
	}

	/** Sets column widths, in characters, from column A on. */
	static void widths(Sheet sheet, int... characters) {
		for (int i = 0; i < characters.length; i++) {
			sheet.setColumnWidth(i, characters[i] * 256);
		}
	}

	/**
	 * Freezes the rows down to the header row and puts an auto-filter on the table below it.
	 * @param lastRow the table's last row (the header row when the table is empty)
	 */
	static void table(Sheet sheet, int headerRow, int lastRow, int lastColumn) {
		sheet.createFreezePane(0, headerRow + 1);
		sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, lastColumn));
	}

	/** Colours increases red and decreases green in the given columns of rows {@code firstRow..lastRow}. */
	static void deltaColours(Sheet sheet, int firstRow, int lastRow, int... columns) {
		if (lastRow < firstRow || columns.length == 0) {
			return;
		}
		SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
		ConditionalFormattingRule increase = formatting.createConditionalFormattingRule(ComparisonOperator.GT, "0");
		colour(increase, IndexedColors.RED);
		ConditionalFormattingRule decrease = formatting.createConditionalFormattingRule(ComparisonOperator.LT, "0");
		colour(decrease, IndexedColors.GREEN);
		CellRangeAddress[] ranges = new CellRangeAddress[columns.length];
		for (int i = 0; i < columns.length; i++) {
			ranges[i] = new CellRangeAddress(firstRow, lastRow, columns[i], columns[i]);
		}
		formatting.addConditionalFormatting(ranges, increase, decrease);
	}

	/**
	 * The sheet's print setup: A4 landscape, one page wide (as many pages tall as it takes), narrow margins, the
	 * first {@code repeatedRows} rows repeated on every page, the report's title in the page header and the sheet's
	 * name and page number in the footer.
	 * @param repeatedRows how many rows from the top to repeat (0 for none)
	 * @param title the page header's text (plain text: ampersands are escaped)
	 * @param pageOfPages the footer's page number, with Excel's {@code &P} and {@code &N}
	 */
	static void print(Sheet sheet, int repeatedRows, String title, String pageOfPages) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		setup.setLandscape(true);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) 0);
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		sheet.setMargin(PageMargin.LEFT, 0.4);
		sheet.setMargin(PageMargin.RIGHT, 0.4);
		sheet.setMargin(PageMargin.TOP, 0.6);
		sheet.setMargin(PageMargin.BOTTOM, 0.6);
		sheet.setMargin(PageMargin.HEADER, 0.25);
		sheet.setMargin(PageMargin.FOOTER, 0.25);
		if (repeatedRows > 0) {
			sheet.setRepeatingRows(new CellRangeAddress(0, repeatedRows - 1, -1, -1));
		}
		sheet.getHeader().setLeft(title.replace("&", "&&"));
		sheet.getFooter().setLeft("&A");
		sheet.getFooter().setRight(pageOfPages);
	}

	private static void colour(ConditionalFormattingRule rule, IndexedColors colour) {
		FontFormatting font = rule.createFontFormatting();
		font.setFontColorIndex(colour.getIndex());
		font.setFontStyle(false, true);
	}

}
