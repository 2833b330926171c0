package io.pushloss.report.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders each page of a PDF as a PNG (for sample-output/ and for looking at a layout without a PDF viewer).
 */
public class PdfPageRenderer {

	/** Sharp enough to read 8 pt text, small enough to keep a page under about 200 KB. */
	public static final float DEFAULT_DPI = 110f;

	private final float dpi;

	public PdfPageRenderer() {
		this(DEFAULT_DPI);
	}

	public PdfPageRenderer(float dpi) {
		if (dpi <= 0) {
			throw new IllegalArgumentException("dpi must be positive: " + dpi);
		}
		this.dpi = dpi;
	}

	/**
	 * Writes {@code <prefix>-page-<n>.png} for every page, n from 1, into {@code outDir} (created if needed).
	 * @return the files, in page order
	 * @throws UncheckedIOException when the PDF cannot be read or an image cannot be written
	 */
	public List<Path> renderPages(Path pdf, Path outDir, String prefix) {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			Files.createDirectories(outDir);
			PDFRenderer renderer = new PDFRenderer(document);
			List<Path> pages = new ArrayList<>();
			for (int index = 0; index < document.getNumberOfPages(); index++) {
				BufferedImage image = renderer.renderImageWithDPI(index, this.dpi, ImageType.RGB);
				Path page = outDir.resolve(prefix + "-page-" + (index + 1) + ".png");
				ImageIO.write(image, "png", page.toFile());
				pages.add(page);
			}
			return pages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render the pages of " + pdf + " to " + outDir, ex);
		}
	}

}
