package io.pushloss.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.DateUtil;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.StoredLossRow;

/**
 * Writes the {@code <row>} elements of one Raw sheet straight into the workbook's zip stream as UTF-8 XML: the
 * header row and then data rows with the same cells, styles and text rules as {@link Cells} (inline strings,
 * quote-prefixed style for formula-like text, Excel's text limit, numeric date-times and counts).
 * <p>
 * Why not POI's row objects: a week of 1,000 tasks has some 400,000 raw rows of ten cells, and creating a row and
 * ten cell objects per line, then serialising them through a character writer that escapes every non-ASCII
 * character, was most of the Excel step. The XML of a plain table is simple enough to write directly; everything
 * else in the workbook (styles, other sheets, charts, the sheet's frame with its filter and frozen header) is still
 * POI's.
 */
final class RawRowsXml {

	private final Cells cells;

	private final ZoneId zone;

	private final List<String> columns;

	private final String[] sources;

	private final String[] stages;

	private final String[] eventTypes;

	private final String[] vendors;

	private final String allVendors;

	private final byte[] buffer = new byte[1 << 16];

	private int length;

	private OutputStream out;

	private int row;

	private Instant lastInstant;

	private String lastSerial;

	RawRowsXml(Cells cells, Labels labels, ZoneId zone) {
		this.cells = cells;
		this.zone = zone;
		this.columns = RawSheets.columns(labels);
		// looked up once: a million rows name the same few values
		this.sources = Arrays.stream(LossSource.values()).map(labels::source).toArray(String[]::new);
		this.stages = Arrays.stream(Stage.values()).map(labels::stage).toArray(String[]::new);
		this.eventTypes = Arrays.stream(EventType.values()).map(labels::eventType).toArray(String[]::new);
		this.vendors = Arrays.stream(Vendor.values()).map(labels::vendor).toArray(String[]::new);
		this.allVendors = labels.vendor(null);
	}

	/**
	 * Writes the header and up to {@code rowsInSheet} rows from {@code rows}.
	 * @return how many data rows were written (fewer than {@code rowsInSheet} when the rows ran out)
	 */
	int write(OutputStream target, Iterator<StoredLossRow> rows, int rowsInSheet) throws IOException {
		this.out = target;
		this.row = 0;
		this.length = 0;
		startRow();
		int header = this.cells.headerStyle().getIndex();
		for (int column = 0; column < RawSheets.COLUMNS; column++) {
			text(header, this.columns.get(column));
		}
		endRow();
		int written = 0;
		while (written < rowsInSheet && rows.hasNext()) {
			append(rows.next());
			written++;
		}
		flush();
		return written;
	}

	private void append(StoredLossRow stored) throws IOException {
		startRow();
		bound(stored.windowStart());
		bound(stored.windowEnd());
		text((stored.source() != null) ? this.sources[stored.source().ordinal()] : "");
		text(stored.taskId());
		text((stored.stage() != null) ? this.stages[stored.stage().ordinal()] : "");
		text((stored.eventType() != null) ? this.eventTypes[stored.eventType().ordinal()] : "");
		text((stored.vendor() != null) ? this.vendors[stored.vendor().ordinal()] : this.allVendors);
		text(stored.errCode());
		number(this.cells.countStyle().getIndex(), Long.toString(stored.errCount()));
		text(stored.errInfo());
		endRow();
	}

	private void startRow() throws IOException {
		this.row++;
		ascii("<row r=\"");
		ascii(Integer.toString(this.row));
		ascii("\">");
	}

	private void endRow() throws IOException {
		ascii("</row>\n");
	}

	/** A window bound as an Excel date-time serial in the job's zone; rows of a window share it. */
	private void bound(Instant instant) throws IOException {
		if (instant == null) {
			blank(this.cells.dateTimeStyle().getIndex());
			return;
		}
		if (!instant.equals(this.lastInstant)) {
			this.lastSerial = Double.toString(DateUtil.getExcelDate(LocalDateTime.ofInstant(instant, this.zone)));
			this.lastInstant = instant;
		}
		number(this.cells.dateTimeStyle().getIndex(), this.lastSerial);
	}

	private void text(String value) throws IOException {
		String safe = Cells.safeText(value);
		text(this.cells.textStyle(safe).getIndex(), safe);
	}

	private void text(int style, String safe) throws IOException {
		cellStart(style);
		ascii("\" t=\"inlineStr\"><is><t");
		if (!safe.isEmpty() && (Character.isWhitespace(safe.charAt(0))
				|| Character.isWhitespace(safe.charAt(safe.length() - 1)))) {
			ascii(" xml:space=\"preserve\"");
		}
		ascii(">");
		escaped(safe);
		ascii("</t></is></c>");
	}

	private void number(int style, String value) throws IOException {
		cellStart(style);
		ascii("\"><v>");
		ascii(value);
		ascii("</v></c>");
	}

	/** A styled cell without a value: it still takes its column's place (cells name no reference). */
	private void blank(int style) throws IOException {
		cellStart(style);
		ascii("\"/>");
	}

	/**
	 * A cell's start. Without its {@code r} reference: a row's cells are written one per column, in order, which is
	 * where a reader places cells that name no reference (ECMA-376 makes it optional; Excel, LibreOffice and POI
	 * read it so), and the references were a seventh of the sheet's XML.
	 */
	private void cellStart(int style) throws IOException {
		ascii("<c s=\"");
		ascii(Integer.toString(style));
	}

	/**
	 * Text content as XML: markup characters escaped, a carriage return as a reference (a parser would turn a literal
	 * one into a line feed), and what XML cannot hold (control characters, U+FFFE/U+FFFF, a lone surrogate) as
	 * {@code ?}, as POI does.
	 */
	private void escaped(String text) throws IOException {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '<' -> ascii("&lt;");
					case '>' -> ascii("&gt;");
					case '&' -> ascii("&amp;");
					case '\r' -> ascii("&#13;");
					case '\n', '\t' -> put((byte) c);
					default -> put((byte) ((c < 0x20) ? '?' : c));
				}
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				utf8(Character.toCodePoint(c, text.charAt(++i)));
			}
			else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
				put((byte) '?');
			}
			else {
				utf8(c);
			}
		}
	}

	private void utf8(int codePoint) throws IOException {
		if (codePoint < 0x800) {
			put((byte) (0xC0 | (codePoint >> 6)));
			put((byte) (0x80 | (codePoint & 0x3F)));
		}
		else if (codePoint < 0x10000) {
			put((byte) (0xE0 | (codePoint >> 12)));
			put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
			put((byte) (0x80 | (codePoint & 0x3F)));
		}
		else {
			put((byte) (0xF0 | (codePoint >> 18)));
			put((byte) (0x80 | ((codePoint >> 12) & 0x3F)));
			put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
			put((byte) (0x80 | (codePoint & 0x3F)));
		}
	}

	/** Markup and numbers: ASCII only, one byte per character. */
	private void ascii(String text) throws IOException {
		if (this.length + text.length() > this.buffer.length) {
			flush();
		}
		for (int i = 0; i < text.length(); i++) {
			this.buffer[this.length++] = (byte) text.charAt(i);
		}
	}

	private void put(byte b) throws IOException {
		if (this.length == this.buffer.length) {
			flush();
		}
		this.buffer[this.length++] = b;
	}

	private void flush() throws IOException {
		this.out.write(this.buffer, 0, this.length);
		this.length = 0;
	}

}
