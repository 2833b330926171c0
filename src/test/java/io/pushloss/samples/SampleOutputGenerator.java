package io.pushloss.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.pushloss.cli.CliEnvironment;
import io.pushloss.cli.Main;
import io.pushloss.domain.IsoWeek;
import io.pushloss.report.ReportDocuments;
import io.pushloss.report.pdf.PdfPageRenderer;

/**
 * Regenerates {@code sample-output/}: runs the demo job ({@code jobs/demo.yml}, embedded simulator, seed 42) for
 * 2026-W46 with the clock fixed at its scheduled time, Monday 2026-11-23 09:00 Asia/Shanghai, through the same
 * {@code run} command users type, then copies the documents and the outbox email beside PNG renderings of every PDF
 * page.
 * <p>
 * Run it from the project folder with {@code mvn -Psamples verify} (the {@code samples} profile in pom.xml), or as
 * a plain main class with the test classpath; the only argument is the output folder (default
 * {@code sample-output}). It refuses to run when {@code SPRING_MAIL_HOST} is set, so the sample email can only go
 * to the outbox, never to the demo job's recipients.
 * <p>
 * Reproducible: summary.json, the workbook, the chart PNG and the page PNGs are byte-identical from run to run.
 * The PDF carries the fixed clock as its creation date, but OpenPDF picks random font subset prefixes and a random
 * file identifier; the email has a random Message-ID and time-based MIME boundaries.
 */
public final class SampleOutputGenerator {

	static final String JOB_FILE = "jobs/demo.yml";

	static final String JOB_NAME = "demo";

	static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	/** Monday 09:00 in Asia/Shanghai, when the demo job's schedule ({@code 0 0 9 ? * MON}) runs it. */
	static final String NOW = "2026-11-23T01:00:00Z";

	/** The vendor allows 1 call per second; the simulator is told to allow as many as the client makes. */
	static final String CALLS_PER_SECOND = "20";

	/** The suffix of the email's picture, after the documents' base name. */
	private static final String EMAIL_PREVIEW = "-email.png";

	/** The Chinese demo job: Chinese title, task names and vendor texts, and an English recipient group. */
	static final String ZH_JOB_FILE = "jobs/demo-zh.yml";

	static final String ZH_JOB_NAME = "demo-zh";

	private static final List<String> GENERATED = List.of(".png", ".pdf", ".xlsx", ".json", ".eml");

	private SampleOutputGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Path output = Path.of((args.length > 0) ? args[0] : "sample-output").toAbsolutePath().normalize();
		if (System.getenv("SPRING_MAIL_HOST") != null || System.getProperty("spring.mail.host") != null) {
			throw new IllegalStateException("SPRING_MAIL_HOST (spring.mail.host) is set: the sample run would email "
					+ "the demo job's recipients. Unset it; the sample email is taken from the outbox folder.");
		}
		System.setProperty("java.awt.headless", "true");
		System.setProperty(CliEnvironment.CLOCK_PROPERTY, NOW);
		System.setProperty("pushloss.api.calls-per-second", CALLS_PER_SECOND);
		System.setProperty("logging.threshold.console", "WARN");

		// A fixed folder rather than a random one: its archive path is printed in the email.
		Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "push-loss-sample-output");
		deleteRecursively(dataDir);
		System.out.printf("Running %s for %s at %s with data in %s (about a minute)%n", JOB_FILE, WEEK, NOW, dataDir);
		int exitCode = Main.execute(CliEnvironment.system(), "run", JOB_FILE, "--week", WEEK.toString(), "--data-dir",
				dataDir.toString());
		if (exitCode != 0) {
			throw new IllegalStateException("The demo run failed with exit code " + exitCode + "; see "
					+ dataDir.resolve("logs"));
		}
		List<Path> written = copy(dataDir, output);
		Path zhDataDir = Path.of(System.getProperty("java.io.tmpdir"), "push-loss-sample-output-zh");
		deleteRecursively(zhDataDir);
		System.out.printf("Running %s for %s at %s with data in %s (about a minute)%n", ZH_JOB_FILE, WEEK, NOW,
				zhDataDir);
		if (Main.execute(CliEnvironment.system(), "run", ZH_JOB_FILE, "--week", WEEK.toString(), "--data-dir",
				zhDataDir.toString()) != 0) {
			throw new IllegalStateException("The zh-CN demo run failed; see " + zhDataDir.resolve("logs"));
		}
		written.addAll(copyChinese(zhDataDir, output));
		System.out.printf("Wrote %d files to %s:%n", written.size(), output);
		for (Path file : written) {
			System.out.printf(Locale.ROOT, "  %-40s %,9d bytes%n", file.getFileName(), Files.size(file));
		}
	}

	/** Replaces the generated files in {@code output} (README.md and other hand-written files stay). */
	static List<Path> copy(Path dataDir, Path output) throws IOException {
		Files.createDirectories(output);
		try (Stream<Path> files = Files.list(output)) {
			for (Path file : files.filter(SampleOutputGenerator::isGenerated).toList()) {
				Files.delete(file);
			}
		}
		ReportDocuments documents = ReportDocuments.in(dataDir.resolve("reports"), JOB_NAME, WEEK.toString());
		List<Path> written = new ArrayList<>();
		for (Path document : List.of(documents.summaryJson(), documents.excel(), documents.pdf(),
				documents.vendorChartPng())) {
			written.add(Files.copy(document, output.resolve(document.getFileName()),
					StandardCopyOption.REPLACE_EXISTING));
		}
		String base = documents.pdf().getFileName().toString().replaceFirst("\\.pdf$", "");
		written.add(Files.copy(onlyEmail(dataDir.resolve("outbox")), output.resolve(base + ".eml"),
				StandardCopyOption.REPLACE_EXISTING));
		written.addAll(new PdfPageRenderer().renderPages(documents.pdf(), output, base));
		if (EmailPreview.available()) {
			written.addAll(emailPictures(output.resolve(base + ".eml"), output, base + "-email"));
		}
		else {
			System.out.println("No /usr/bin/chromium: the email preview " + base + EMAIL_PREVIEW
					+ " is not rendered again (apt-get install chromium)");
		}
		return written;
	}

	/**
	 * The Chinese demo's documents, its two emails (zh-CN to the job's recipients, en to its English group) and
	 * their pictures, the PDF's pages.
	 */
	static List<Path> copyChinese(Path dataDir, Path output) throws IOException {
		ReportDocuments documents = ReportDocuments.in(dataDir.resolve("reports"), ZH_JOB_NAME, WEEK.toString());
		List<Path> written = new ArrayList<>();
		for (Path document : List.of(documents.excel(), documents.pdf())) {
			written.add(Files.copy(document, output.resolve(document.getFileName()),
					StandardCopyOption.REPLACE_EXISTING));
		}
		written.add(Files.copy(documents.summaryJson(), output.resolve("summary-" + ZH_JOB_NAME + ".json"),
				StandardCopyOption.REPLACE_EXISTING));
		String base = documents.pdf().getFileName().toString().replaceFirst("\\.pdf$", "");
		try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
			for (Path eml : files.filter((file) -> file.getFileName().toString().endsWith(".eml")).sorted().toList()) {
				// the job's own recipients' Message-ID starts push-loss., the English group's push-loss-en.
				String suffix = eml.getFileName().toString().startsWith("push-loss-en.") ? "-en" : "";
				Path copy = Files.copy(eml, output.resolve(base + suffix + ".eml"), StandardCopyOption.REPLACE_EXISTING);
				written.add(copy);
				if (EmailPreview.available()) {
					written.addAll(emailPictures(copy, output, base + "-email" + suffix));
				}
			}
		}
		written.addAll(new PdfPageRenderer().renderPages(documents.pdf(), output, base));
		return written;
	}

	/** The email's first screen at 800 and 400 px, in the light and the dark scheme. */
	private static List<Path> emailPictures(Path eml, Path output, String name) throws IOException {
		return List.of(EmailPreview.render(eml, output.resolve(name + ".png"), 800, 1100, false),
				EmailPreview.render(eml, output.resolve(name + "-dark.png"), 800, 1100, true),
				EmailPreview.render(eml, output.resolve(name + "-400.png"), 400, 1300, false),
				EmailPreview.render(eml, output.resolve(name + "-400-dark.png"), 400, 1300, true));
	}

	private static Path onlyEmail(Path outbox) throws IOException {
		try (Stream<Path> files = Files.list(outbox)) {
			List<Path> emails = files.filter((file) -> file.getFileName().toString().endsWith(".eml")).toList();
			if (emails.size() != 1) {
				throw new IllegalStateException("Expected one email in " + outbox + ", found " + emails);
			}
			return emails.get(0);
		}
	}

	private static boolean isGenerated(Path file) {
		String name = file.getFileName().toString();
		// the email preview is replaced only where a browser can render it again
		if (name.contains("-email") && name.endsWith(".png") && !EmailPreview.available()) {
			return false;
		}
		return Files.isRegularFile(file) && GENERATED.stream().anyMatch(name::endsWith);
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not delete " + path, ex);
				}
			});
		}
	}

}
