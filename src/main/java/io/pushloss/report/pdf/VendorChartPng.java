package io.pushloss.report.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintImage;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * Renders the PDF's vendor chart (the element with key {@code vendorChart}) as a PNG about 800 pixels wide for the
 * e-mail's inline image: the very chart of the PDF, scaled up. A week without loss has no chart; its PNG says so.
 */
final class VendorChartPng {

	static final String CHART_KEY = "vendorChart";

	static final int WIDTH = 800;

	private VendorChartPng() {
	}

	static void write(JasperReportsContext context, JasperPrint print, String emptyMessage, Path target)
			throws JRException, IOException {
		BufferedImage image = image(context, print, emptyMessage);
		FileReplacement.write(target, (out) -> ImageIO.write(image, "png", out));
	}

	/** Encodes the PNG to a stream (the warm-up's way to load the chart and PNG classes without a file). */
	static void write(JasperReportsContext context, JasperPrint print, String emptyMessage, OutputStream out)
			throws JRException, IOException {
		ImageIO.write(image(context, print, emptyMessage), "png", out);
	}

	private static BufferedImage image(JasperReportsContext context, JasperPrint print, String emptyMessage)
			throws JRException {
		Optional<JRPrintImage> chart = find(print.getPages(), CHART_KEY);
		return chart.isPresent() ? render(context, chart.get()) : message(context, emptyMessage);
	}

	static Optional<JRPrintImage> find(List<JRPrintPage> pages, String key) {
		for (JRPrintPage page : pages) {
			Optional<JRPrintImage> found = find(page.getElements(), key, 0);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static Optional<JRPrintImage> find(List<JRPrintElement> elements, String key, int depth) {
		for (JRPrintElement element : elements) {
			if (element instanceof JRPrintImage image && key.equals(image.getKey())
					&& image.getRenderer() instanceof Graphics2DRenderable) {
				return Optional.of(image);
			}
			if (element instanceof JRPrintFrame frame && depth < 8) {
				Optional<JRPrintImage> found = find(frame.getElements(), key, depth + 1);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private static BufferedImage render(JasperReportsContext context, JRPrintImage chart) throws JRException {
		double scale = (double) WIDTH / chart.getWidth();
		BufferedImage image = new BufferedImage(WIDTH, (int) Math.round(chart.getHeight() * scale),
				BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas(image);
		try {
			graphics.scale(scale, scale);
			((Graphics2DRenderable) chart.getRenderer()).render(context, graphics,
					new Rectangle2D.Double(0, 0, chart.getWidth(), chart.getHeight()));
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

	private static BufferedImage message(JasperReportsContext context, String text) {
		BufferedImage image = new BufferedImage(WIDTH, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas(image);
		try {
			Font font = FontUtil.getInstance(context)
				.getAwtFontFromBundles("Noto Sans SC", Font.PLAIN, 22f, java.util.Locale.ROOT, true);
			graphics.setFont((font != null) ? font : new Font(Font.SANS_SERIF, Font.BOLD, 22));
			graphics.setColor(new Color(0x1E7B4A));
			FontMetrics metrics = graphics.getFontMetrics();
			graphics.drawString(text, Math.max(10, (WIDTH - metrics.stringWidth(text)) / 2), 60 + metrics.getAscent() / 2);
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

	private static Graphics2D canvas(BufferedImage image) {
		Graphics2D graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
		return graphics;
	}

}
