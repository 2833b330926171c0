package io.pushloss.samples;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A picture of the workbook as a reader without Excel sees it printed: LibreOffice headless prints the workbook to
 * PDF ({@code soffice --convert-to pdf}, a throw-away profile) and the first page, the Summary, is rendered to PNG.
 * Without LibreOffice on the machine nothing is rendered (and an earlier picture is kept).
 */
final class WorkbookPreview {

	/** The suffix of the picture, after the documents' base name. */
	static final String SUFFIX = "-xlsx-summary.png";

	private static final float DPI = 110f;

	private WorkbookPreview() {
	}

	/** Whether LibreOffice is there to print with. */
	static boolean available() {
		return soffice().isPresent();
	}

	/**
	 * Prints the workbook with LibreOffice and renders its first page into {@code png}.
	 * @return the number of pages LibreOffice printed the workbook on
	 */
	static int render(Path xlsx, Path png) throws IOException {
		Path work = Files.createTempDirectory("workbook-preview");
		try {
			Path copy = Files.copy(xlsx, work.resolve("workbook.xlsx"));
			List<String> command = List.of(soffice().orElseThrow().toString(),
					"-env:UserInstallation=" + work.resolve("profile").toUri(), "--headless", "--norestore",
					"--convert-to", "pdf", "--outdir", work.toString(), copy.toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(work.resolve("soffice.log").toFile())
				.start();
			Path pdf = work.resolve("workbook.pdf");
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(pdf)) {
				process.destroyForcibly();
				throw new IOException("LibreOffice did not print " + xlsx + ": " + Files.readString(work.resolve("soffice.log")));
			}
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
				ImageIO.write(page, "png", png.toFile());
				return document.getNumberOfPages();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while printing " + xlsx, ex);
		}
		finally {
			try (Stream<Path> paths = Files.walk(work)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	/** Renders the Summary of each workbook given (arguments: xlsx files; the PNG goes beside each). */
	public static void main(String[] args) throws IOException {
		for (String name : args) {
			Path xlsx = Path.of(name);
			Path png = xlsx.resolveSibling(xlsx.getFileName().toString().replaceFirst("\\.xlsx$", "") + SUFFIX);
			int pages = render(xlsx, png);
			System.out.printf("%s: printed on %d pages; Summary in %s%n", xlsx, pages, png);
		}
	}

	private static Optional<Path> soffice() {
		String path = System.getenv("PATH");
		for (String folder : (path != null) ? path.split(File.pathSeparator) : new String[0]) {
			Path candidate = Path.of(folder, "soffice");
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
