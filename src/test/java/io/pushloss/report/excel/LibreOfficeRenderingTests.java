package io.pushloss.report.excel;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.TrendPoint;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the workbook as a reader without Excel does: LibreOffice headless prints it to PDF
 * ({@code soffice --convert-to pdf}), and the PDF's pages are counted and looked at. Skipped with a one-line reason
 * when LibreOffice is not installed, except with {@code CI=true} ({@code .ci/run} installs {@code libreoffice-calc}).
 */
class LibreOfficeRenderingTests {

	/** At most the pages a reader would print: Summary 2 to 3, each table 1 to 2, the trend 2, Raw 3. */
	static final int MAX_PAGES = 16;

	@TempDir
	static Path folder;

	static WeeklyReport report;

	static int pages;

	static String text;

	static List<BufferedImage> images = new ArrayList<>();

	static Path workbook;

	static Path chineseWorkbook;

	static String chineseText;

	@BeforeAll
	static void printWithLibreOffice() throws Exception {
		Path soffice = LibreOfficeCalc.requireExecutable();
		report = SampleReports.typicalWeek();
		// more raw rows than a printed Raw sheet shows: the print area keeps them off paper
		workbook = new ExcelReportWriter().write(report, RawRowFixtures.generated(1_000), folder,
				Instant.parse("2026-11-16T02:00:00Z"));
		Path chinese = Files.createDirectories(folder.resolve("zh-CN"));
		chineseWorkbook = new ExcelReportWriter().write(ChineseWorkbookTests.chineseWeek(),
				RawRowFixtures.generated(10), chinese, Instant.parse("2026-11-16T02:00:00Z"));
		try (PDDocument document = Loader.loadPDF(LibreOfficeCalc.convert(soffice, chineseWorkbook, "pdf", chinese)
			.toFile())) {
			chineseText = new PDFTextStripper().getText(document);
		}
		Path pdf = LibreOfficeCalc.convert(soffice, workbook, "pdf", folder);
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			pages = document.getNumberOfPages();
			// one space for every run of white space: LibreOffice may wrap a chart's title
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			PDFRenderer renderer = new PDFRenderer(document);
			for (int page = 0; page < pages; page++) {
				images.add(renderer.renderImageWithDPI(page, 72, ImageType.RGB));
			}
		}
	}

	@Test
	void printsTheWorkbookOnAFewLandscapePagesWithPageNumbers() {
		assertThat(pages).isBetween(7, MAX_PAGES);
		assertThat(images).allSatisfy((image) -> assertThat(image.getWidth()).isGreaterThan(image.getHeight()));
		assertThat(text).contains("Page 1 of " + pages).contains("Page " + pages + " of " + pages);
		assertThat(text).contains("Push-loss weekly report: weekly-push-loss, 2026-W46");
	}

	@Test
	void drawsTheBarsOfBothWeeksInTheVendorCharts() {
		assertThat(text).contains("Push to all: lost pushes per vendor").contains("Normal push: lost pushes per vendor");
		// the bars are solid areas of their series' colours, on the Summary's first page
		assertThat(pixels(images.get(0), VendorColours.THIS_WEEK)).isGreaterThan(300);
		assertThat(pixels(images.get(0), VendorColours.LAST_WEEK)).isGreaterThan(300);
	}

	@Test
	void drawsALineOfItsOwnColourForEveryVendorOfTheTrend() {
		assertThat(text).contains("Push to all: lost pushes per week and vendor")
			.contains("Normal push: lost pushes per week and vendor");
		Set<Vendor> vendors = new LinkedHashSet<>();
		report.trend().stream().map(TrendPoint::vendor).forEach(vendors::add);
		for (Vendor vendor : vendors) {
			long drawn = images.stream().mapToLong((image) -> pixels(image, VendorColours.of(vendor))).sum();
			assertThat(drawn).as("pixels of %s's line and markers", vendor).isGreaterThan(20);
		}
	}

	@Test
	void breaksNoColumnHeaderInsideAWordInEnglishOrChinese() throws Exception {
		assertNoHeaderWordBroken(workbook, text);
		assertNoHeaderWordBroken(chineseWorkbook, chineseText);
	}

	/**
	 * No word of a header cell (a run between spaces and line breaks; a line of Chinese is one word) is printed in
	 * two pieces: LibreOffice breaks a word too wide for its column, after a hyphen or anywhere in CJK text.
	 */
	static void assertNoHeaderWordBroken(Path file, String printed) throws Exception {
		Set<String> tokens = new HashSet<>(Arrays.asList(printed.split("\\s+")));
		Set<String> words = new TreeSet<>();
		try (XSSFWorkbook book = WorkbookReading.open(file)) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						CellStyle style = cell.getCellStyle();
						if (cell.getCellType() == CellType.STRING && style.getFillPattern() == FillPatternType.SOLID_FOREGROUND
								&& style.getFillForegroundColor() == IndexedColors.GREY_25_PERCENT.getIndex()) {
							words.addAll(Arrays.asList(cell.getStringCellValue().trim().split("\\s+")));
						}
					}
				}
			}
		}
		assertThat(words).as("header words of %s", file.getFileName()).hasSizeGreaterThan(20);
		List<String> broken = new ArrayList<>();
		for (String word : words) {
			for (int cut = 1; cut < word.length(); cut++) {
				if (!tokens.contains(word) && tokens.contains(word.substring(0, cut))
						&& tokens.contains(word.substring(cut))) {
					broken.add(word.substring(0, cut) + " | " + word.substring(cut));
				}
			}
		}
		assertThat(broken).as("header words printed in two pieces in %s", file.getFileName()).isEmpty();
	}

	/** How many pixels have the colour (within a little anti-aliasing). */
	static long pixels(BufferedImage image, String rgb) {
		byte[] colour = HexFormat.of().parseHex(rgb);
		int red = colour[0] & 0xFF;
		int green = colour[1] & 0xFF;
		int blue = colour[2] & 0xFF;
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int pixel = image.getRGB(x, y);
				if (Math.abs(((pixel >> 16) & 0xFF) - red) <= 6 && Math.abs(((pixel >> 8) & 0xFF) - green) <= 6
						&& Math.abs((pixel & 0xFF) - blue) <= 6) {
					count++;
				}
			}
		}
		return count;
	}

}
