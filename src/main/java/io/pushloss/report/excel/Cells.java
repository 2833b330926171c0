package io.pushloss.report.excel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
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

	/** The height of a line of 11-point text with CJK characters, whose fonts have taller lines. */
	static final float WIDE_LINE_POINTS = 17f;

	/**
	 * How many characters of ordinary text fit in the width of a digit (a column's width is counted in digits):
	 * an estimate on the safe side, so that a wrapped line is never cut off.
	 */
	static final double TEXT_PER_DIGIT = 1.15;

	/**
	 * How many digit widths one character of a bold header takes (a CJK character counts as two characters), on
	 * the safe side for LibreOffice, which draws the headers in a wider font than Calibri.
	 */
	static final double HEADER_DIGITS_PER_CHARACTER = 1.05;

	private final CellStyle title;

	private final CellStyle subtitle;

	private final CellStyle section;

	private final CellStyle banner;

	private final CellStyle notice;

	private final CellStyle header;

	private final CellStyle numberHeader;

	private final CellStyle flagHeader;

	private final CellStyle text;

	private final CellStyle quotedText;

	private final CellStyle wrapped;

	private final CellStyle quotedWrapped;

	private final CellStyle flag;

	private final CellStyle centred;

	private final CellStyle glossary;

	private final CellStyle count;

	private final CellStyle decimal;

	private final CellStyle percent;

	private final CellStyle dateTime;

	private final Workbook workbook;

	/** Each style with a hairline under it, made once. */
	private final Map<CellStyle, CellStyle> lined = new HashMap<>();

	Cells(Workbook workbook) {
		this.workbook = workbook;
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
		this.numberHeader = workbook.createCellStyle();
		this.numberHeader.cloneStyleFrom(this.header);
		this.numberHeader.setAlignment(HorizontalAlignment.RIGHT);
		this.flagHeader = workbook.createCellStyle();
		this.flagHeader.cloneStyleFrom(this.header);
		this.flagHeader.setAlignment(HorizontalAlignment.CENTER);
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
		this.centred = workbook.createCellStyle();
		this.centred.setAlignment(HorizontalAlignment.CENTER);
		this.centred.setVerticalAlignment(VerticalAlignment.TOP);
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

	/**
	 * Writes a short word centred in its column (a status), clear of the right-aligned percentage beside it; the
	 * word comes from the bundle, never from the API.
	 */
	void centred(Row row, int column, String word) {
		styled(row, column, word, this.centred);
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
	 * Writes text that wraps in one column over the rows {@code firstRow..lastRow} (merged when they are more than
	 * one), and grows the last row when the rows together are not tall enough for it.
	 */
	void wrapped(Sheet sheet, int firstRow, int lastRow, int column, String value) {
		if (firstRow == lastRow) {
			wrapped(sheet.getRow(firstRow), column, value);
			return;
		}
		String safe = safeText(value);
		CellStyle style = looksLikeFormula(safe) ? this.quotedWrapped : this.wrapped;
		for (int row = firstRow; row <= lastRow; row++) {
			Cell cell = sheet.getRow(row).createCell(column);
			cell.setCellStyle(style);
			if (row == firstRow) {
				cell.setCellValue(safe);
			}
		}
		sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, column, column));
		float height = 0;
		for (int row = firstRow; row <= lastRow; row++) {
			// an explicit height: LibreOffice's optimal height does not count a merged cell's text
			Row each = sheet.getRow(row);
			each.setHeightInPoints(each.getHeightInPoints());
			height += each.getHeightInPoints();
		}
		float needed = neededHeight(sheet, column, safe, TEXT_PER_DIGIT);
		if (needed > height) {
			Row last = sheet.getRow(lastRow);
			last.setHeightInPoints(last.getHeightInPoints() + needed - height);
		}
	}

	/**
	 * Grows the row to hold the text wrapped in the column's width.
	 * @param perDigit how many characters of the text take the width of a digit (less for bold)
	 */
	static void fitHeight(Row row, int column, String text, double perDigit) {
		float needed = neededHeight(row.getSheet(), column, text, perDigit);
		if (needed > row.getHeightInPoints()) {
			row.setHeightInPoints(needed);
		}
	}

	/** The height, in points, of the text wrapped in the column's width. */
	static float neededHeight(Sheet sheet, int column, String text, double perDigit) {
		int width = (int) ((sheet.getColumnWidth(column) / 256 - 1) * perDigit) + 1;
		float line = (displayWidth(text) > text.codePointCount(0, text.length())) ? WIDE_LINE_POINTS : LINE_POINTS;
		return lines(text, width) * line + 2;
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

	/**
	 * Writes a header row. A name breaks only between words: at its line breaks and at spaces (never after a hyphen,
	 * never inside a run of CJK text, which the bundles break with explicit line breaks), so the column is widened
	 * until its longest word fits, and the name is written with a line break wherever it wraps. The row grows to
	 * hold the lines.
	 */
	void header(Row row, int firstColumn, String... names) {
		for (int i = 0; i < names.length; i++) {
			int column = firstColumn + i;
			String lines = headerLines(row.getSheet(), column, names[i]);
			Cell cell = row.createCell(column);
			cell.setCellValue(lines);
			cell.setCellStyle(this.header);
			fitHeight(row, column, lines, 1 / HEADER_DIGITS_PER_CHARACTER);
		}
	}

	/** Aligns the header cells of number columns {@code firstColumn..lastColumn} right, over their numbers. */
	void numberHeaders(Row row, int firstColumn, int lastColumn) {
		for (int column = firstColumn; column <= lastColumn; column++) {
			Cell cell = row.getCell(column);
			if (cell != null) {
				cell.setCellStyle(this.numberHeader);
			}
		}
	}

	/** Draws a grey hairline under the row's cells {@code firstColumn..lastColumn}, creating the empty ones. */
	void lineUnder(Row row, int firstColumn, int lastColumn) {
		for (int column = firstColumn; column <= lastColumn; column++) {
			Cell cell = (row.getCell(column) != null) ? row.getCell(column) : row.createCell(column);
			cell.setCellStyle(this.lined.computeIfAbsent(cell.getCellStyle(), (style) -> {
				CellStyle line = this.workbook.createCellStyle();
				line.cloneStyleFrom(style);
				line.setBorderBottom(BorderStyle.HAIR);
				line.setBottomBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
				return line;
			}));
		}
	}

	/** Centres the header cell of a flag or status column over its centred words. */
	void flagHeader(Row row, int column) {
		Cell cell = row.getCell(column);
		if (cell != null) {
			cell.setCellStyle(this.flagHeader);
		}
	}

	/**
	 * The header's lines in its column: widens the column until the longest word fits (a word is what lies between
	 * spaces and line breaks) and breaks the name at the spaces where a line would overflow.
	 */
	static String headerLines(Sheet sheet, int column, String name) {
		List<String[]> paragraphs = new ArrayList<>();
		int longest = 1;
		for (String paragraph : name.split("\n", -1)) {
			String[] words = paragraph.trim().split(" +");
			paragraphs.add(words);
			for (String word : words) {
				longest = Math.max(longest, displayWidth(word));
			}
		}
		int needed = (int) Math.ceil(longest * HEADER_DIGITS_PER_CHARACTER) + 2;
		if (sheet.getColumnWidth(column) < needed * 256) {
			sheet.setColumnWidth(column, needed * 256);
		}
		int capacity = (int) ((sheet.getColumnWidth(column) / 256 - 2) / HEADER_DIGITS_PER_CHARACTER);
		StringBuilder lines = new StringBuilder();
		for (String[] words : paragraphs) {
			if (!lines.isEmpty()) {
				lines.append('\n');
			}
			int used = 0;
			for (String word : words) {
				int width = displayWidth(word);
				if (used > 0 && used + 1 + width > capacity) {
					lines.append('\n');
					used = 0;
				}
				else if (used > 0) {
					lines.append(' ');
					used++;
				}
				lines.append(word);
				used += width;
			}
		}
		return lines.toString();
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
