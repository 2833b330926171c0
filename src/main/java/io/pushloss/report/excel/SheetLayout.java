package io.pushloss.report.excel;

import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FontFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Sheet-level formatting shared by the tables: explicit column widths (autoSize is slow on streamed sheets),
 * frozen header rows, auto-filters and red / green deltas.
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

	private static void colour(ConditionalFormattingRule rule, IndexedColors colour) {
		FontFormatting font = rule.createFontFormatting();
		font.setFontColorIndex(colour.getIndex());
		font.setFontStyle(false, true);
	}

}
