package io.pushloss.report.excel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

import io.pushloss.analysis.WeekOverWeek;

/**
 * The workbook's cell styles and typed cell writers: numbers as numeric cells, percentages as fractions formatted
 * {@code 0.0%}, text from the API as plain string cells.
 *
 * <p>
 * String cells are never evaluated as formulas. Text that Excel would treat as a formula once a user edits the
 * cell (starting with {@code = + - @}, tab or carriage return) additionally gets a quote-prefixed style, so it
 * stays text even then.
 */
final class Cells {

	/** Excel's limit for the text of one cell. */
	static final int MAX_TEXT_LENGTH = 32_767;

	/** The height of a line of 11-point text. */
	static final float LINE_POINTS = 14.5f;

	/**
	 * How many characters of ordinary text fit in the width of a digit (a column's width is counted in digits):
	 * an estimate on the safe side, so that a wrapped line is never cut off.
	 */
	static final double TEXT_PER_DIGIT = 1.15;

	private final CellStyle title;

	private final CellStyle subtitle;

	private final CellStyle section;

	private final CellStyle banner;

	private final CellStyle notice;

	private final CellStyle header;

	private final CellStyle text;

	private final CellStyle quotedText;

	private final CellStyle wrapped;

	private final CellStyle quotedWrapped;

	private final CellStyle flag;

	private final CellStyle glossary;

	private final CellStyle count;

	private final CellStyle decimal;

	private final CellStyle percent;

	private final CellStyle dateTime;

	Cells(Workbook workbook) {
		this.title = style(workbook, font(workbook, 16, true, IndexedColors.BLACK));
		this.subtitle = style(workbook, font(workbook, 11, false, IndexedColors.GREY_80_PERCENT));
		this.section = style(workbook, font(workbook, 12, true, IndexedColors.DARK_BLUE));
		this.banner = style(workbook, font(workbook, 12, true, IndexedColors.WHITE));
		this.banner.setFillForegroundColor(IndexedColors.RED.getIndex());
		this.banner.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.banner.setVerticalAlignment(VerticalAlignment.CENTER);
		this.notice = style(workbook, font(workbook, 12, true, IndexedColors.DARK_GREEN));
		this.header = style(workbook, font(workbook, 11, true, IndexedColors.BLACK));
		this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.header.setBorderBottom(BorderStyle.THIN);
		this.header.setWrapText(true);
		this.header.setVerticalAlignment(VerticalAlignment.TOP);
		this.text = workbook.createCellStyle();
		this.text.setVerticalAlignment(VerticalAlignment.TOP);
		this.quotedText = workbook.createCellStyle();
		this.quotedText.setVerticalAlignment(VerticalAlignment.TOP);
		this.quotedText.setQuotePrefixed(true);
		this.wrapped = workbook.createCellStyle();
		this.wrapped.setWrapText(true);
		this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		this.quotedWrapped = workbook.createCellStyle();
		this.quotedWrapped.cloneStyleFrom(this.wrapped);
		this.quotedWrapped.setQuotePrefixed(true);
		this.flag = style(workbook, font(workbook, 11, true, IndexedColors.RED));
		this.flag.setAlignment(HorizontalAlignment.CENTER);
		this.flag.setVerticalAlignment(VerticalAlignment.TOP);
		this.glossary = style(workbook, font(workbook, 10, false, IndexedColors.GREY_80_PERCENT));
		this.glossary.setWrapText(true);
		this.glossary.setVerticalAlignment(VerticalAlignment.TOP);
		this.count = numberStyle(workbook, "#,##0");
		this.decimal = numberStyle(workbook, "#,##0.0");
		this.percent = numberStyle(workbook, "0.0%");
		this.dateTime = numberStyle(workbook, "yyyy-mm-dd hh:mm");
	}

	/** Writes text as a string cell; never a formula, quote-prefixed when Excel could take it for one. */
	void text(Row row, int column, String value) {
		String safe = safeText(value);
		Cell cell = row.createCell(column);
		cell.setCellValue(safe);
		cell.setCellStyle(textStyle(safe));
	}

	/** The text as a cell holds it: {@code ""} for none, cut with an ellipsis at Excel's limit. */
	static String safeText(String value) {
		String safe = (value != null) ? value : "";
		return (safe.length() > MAX_TEXT_LENGTH) ? safe.substring(0, MAX_TEXT_LENGTH - 1) + "\u2026" : safe;
	}

	/** The style of a text cell: quote-prefixed when Excel could take the text for a formula. */
	CellStyle textStyle(String safe) {
		return looksLikeFormula(safe) ? this.quotedText : this.text;
	}

	CellStyle headerStyle() {
		return this.header;
	}

	CellStyle countStyle() {
		return this.count;
	}

	CellStyle dateTimeStyle() {
		return this.dateTime;
	}

	/** Writes a count as an integer cell formatted {@code #,##0}. */
	void count(Row row, int column, long value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.count);
	}

	/** Writes a number with one decimal (means). */
	void decimal(Row row, int column, double value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.decimal);
	}

	/** Writes a fraction ({@code 0.081}) as a numeric cell shown as {@code 8.1%}. */
	void percent(Row row, int column, double fraction) {
		Cell cell = row.createCell(column);
		cell.setCellValue(fraction);
		cell.setCellStyle(this.percent);
	}

	/**
	 * Writes the week-over-week change: a fraction shown as a percentage, 0% when both weeks were 0, and an empty
	 * cell when last week was 0 and this week was not (the change is undefined: {@link #flag} says "new"). The
	 * column holds numbers only, so it sorts and sums.
	 */
	void change(Row row, int column, WeekOverWeek counts) {
		Double fraction = counts.percentChange();
		if (fraction != null) {
			percent(row, column, fraction);
		}
		else if (counts.thisWeek() == 0) {
			percent(row, column, 0);
		}
		else {
			row.createCell(column).setCellStyle(this.percent);
		}
	}

	/** Whether the change is undefined because last week had none: the flag column says "new". */
	static boolean isNew(WeekOverWeek counts) {
		return counts.percentChange() == null && counts.thisWeek() != 0;
	}

	/** Writes the flag (the bundle's "new") where the change is undefined, else leaves the cell out. */
	void flag(Row row, int column, WeekOverWeek counts, String newFlag) {
		if (isNew(counts)) {
			styled(row, column, newFlag, this.flag);
		}
	}

	/** Writes W, W-1, delta and % change into four consecutive columns. */
	void weekOverWeek(Row row, int firstColumn, WeekOverWeek counts) {
		count(row, firstColumn, counts.thisWeek());
		count(row, firstColumn + 1, counts.lastWeek());
		count(row, firstColumn + 2, counts.delta());
		change(row, firstColumn + 3, counts);
	}

	/** Writes W, W-1, delta, % change and the "new" flag into five consecutive columns. */
	void weekOverWeek(Row row, int firstColumn, WeekOverWeek counts, String newFlag) {
		weekOverWeek(row, firstColumn, counts);
		flag(row, firstColumn + 4, counts, newFlag);
	}

	/**
	 * Writes text that wraps within its column (descriptions and hints), and makes the row tall enough for it:
	 * neither Excel nor LibreOffice reliably grows a row for wrapped text of a file they did not write.
	 */
	void wrapped(Row row, int column, String value) {
		String safe = safeText(value);
		Cell cell = row.createCell(column);
		cell.setCellValue(safe);
		cell.setCellStyle(looksLikeFormula(safe) ? this.quotedWrapped : this.wrapped);
		fitHeight(row, column, safe, TEXT_PER_DIGIT);
	}

	/**
	 * Grows the row to hold the text wrapped in the column's width.
	 * @param perDigit how many characters of the text take the width of a digit (less for bold)
	 */
	static void fitHeight(Row row, int column, String text, double perDigit) {
		int width = (int) ((row.getSheet().getColumnWidth(column) / 256 - 1) * perDigit) + 1;
		float needed = lines(text, width) * LINE_POINTS + 2;
		if (needed > row.getHeightInPoints()) {
			row.setHeightInPoints(needed);
		}
	}

	/**
	 * How many lines the text takes wrapped at spaces and after hyphens in a column {@code width} characters wide
	 * (a CJK character counts as two).
	 */
	static int lines(String text, int width) {
		int capacity = Math.max(1, width - 1);
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			lines++;
			int used = 0;
			// each token keeps the space or hyphen after which a line may break
			for (String token : paragraph.split("(?<=[ -])")) {
				int length = displayWidth(token);
				int visible = displayWidth(token.stripTrailing());
				if (used > 0 && used + visible > capacity) {
					lines++;
					used = 0;
				}
				while (visible > capacity) {
					// a word longer than the line breaks anywhere
					lines++;
					visible -= capacity;
					length -= capacity;
				}
				used += length;
			}
		}
		return lines;
	}

	/** The text's width in characters: CJK and other wide characters count twice. */
	static int displayWidth(String text) {
		return text.codePoints().map((codePoint) -> (codePoint >= 0x1100 && isWide(codePoint)) ? 2 : 1).sum();
	}

	private static boolean isWide(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
				|| (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
	}

	/** Writes an instant as an Excel date-time in the zone (Excel has no zones). */
	void dateTime(Row row, int column, Instant instant, ZoneId zone) {
		if (instant == null) {
			row.createCell(column);
			return;
		}
		dateTime(row, column, LocalDateTime.ofInstant(instant, zone));
	}

	void dateTime(Row row, int column, LocalDateTime value) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(this.dateTime);
	}

	/** Writes a header row (its names wrap; the row grows to hold them). */
	void header(Row row, int firstColumn, String... names) {
		for (int i = 0; i < names.length; i++) {
			Cell cell = row.createCell(firstColumn + i);
			cell.setCellValue(names[i]);
			cell.setCellStyle(this.header);
			fitHeight(row, firstColumn + i, names[i], 1.0);
		}
	}

	void styled(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	CellStyle titleStyle() {
		return this.title;
	}

	CellStyle subtitleStyle() {
		return this.subtitle;
	}

	CellStyle sectionStyle() {
		return this.section;
	}

	CellStyle bannerStyle() {
		return this.banner;
	}

	CellStyle glossaryStyle() {
		return this.glossary;
	}

	CellStyle noticeStyle() {
		return this.notice;
	}

	/** Whether Excel would read the text as a formula (or DDE payload) when a user types it into a cell. */
	static boolean looksLikeFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	private static CellStyle style(Workbook workbook, Font font) {
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		return style;
	}

	private static Font font(Workbook workbook, int points, boolean bold, IndexedColors color) {
		Font font = workbook.createFont();
		font.setFontHeightInPoints((short) points);
		font.setBold(bold);
		font.setColor(color.getIndex());
		return font;
	}

	private static CellStyle numberStyle(Workbook workbook, String format) {
		CellStyle style = workbook.createCellStyle();
		// rows grow for wrapped text: every cell of a row starts on its first line
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		return style;
	}

}
