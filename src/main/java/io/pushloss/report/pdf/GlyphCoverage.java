package io.pushloss.report.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which characters the fonts embedded in the PDF can draw: the faces of the font set "Report Sans" that every
 * template uses (DejaVu Sans from jasperreports-fonts, Noto Sans SC of this program's font extension). Loaded once
 * per writer, on first use (the CJK font is about 10 MB).
 */
final class GlyphCoverage {

	/** The font files of "Report Sans", as registered in {@code io/pushloss/report/pdf/fonts/fonts.xml}. */
	static final List<String> FONT_RESOURCES = List.of("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
			"net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf", "io/pushloss/report/pdf/fonts/NotoSansSC-Regular.ttf");

	private final List<Font> fonts;

	private GlyphCoverage(List<Font> fonts) {
		this.fonts = List.copyOf(fonts);
	}

	/**
	 * @throws PdfReportException when a font file is missing from the classpath or unreadable
	 */
	static GlyphCoverage ofReportFonts() {
		List<Font> fonts = new ArrayList<>();
		for (String resource : FONT_RESOURCES) {
			try (InputStream in = GlyphCoverage.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new PdfReportException("Font " + resource + " is not on the classpath");
				}
				fonts.add(Font.createFont(Font.TRUETYPE_FONT, in));
			}
			catch (IOException | FontFormatException ex) {
				throw new PdfReportException("Could not read font " + resource + ": " + ex.getMessage(), ex);
			}
		}
		return new GlyphCoverage(fonts);
	}

	/**
	 * The characters of {@code text} that none of the fonts draws, each once in order of appearance; control
	 * characters, line breaks and invisible format characters (joiners, variation selectors) are never counted.
	 */
	List<Integer> missing(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		Set<Integer> missing = new LinkedHashSet<>();
		text.codePoints().filter((codePoint) -> !invisible(codePoint) && !drawable(codePoint)).forEach(missing::add);
		return List.copyOf(missing);
	}

	private boolean drawable(int codePoint) {
		for (Font font : this.fonts) {
			if (font.canDisplay(codePoint)) {
				return true;
			}
		}
		return false;
	}

	private static boolean invisible(int codePoint) {
		int type = Character.getType(codePoint);
		return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.NON_SPACING_MARK
				&& (codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF);
	}

}
