package io.pushloss.report.excel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice headless ({@code soffice --headless --convert-to}) for tests that open a workbook the way a reader
 * without Excel does. Each conversion uses a private, throw-away user profile, so it neither touches nor waits for
 * a profile another LibreOffice uses.
 */
final class LibreOfficeCalc {

	/** A conversion takes a few seconds; a hung LibreOffice must not hang the build. */
	static final long TIMEOUT_SECONDS = 120;

	private LibreOfficeCalc() {
	}

	/** {@code soffice} (or {@code libreoffice}) on the PATH. */
	static Optional<Path> executable() {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String name : List.of("soffice", "libreoffice")) {
			for (String folder : path.split(File.pathSeparator)) {
				Path candidate = Path.of(folder, name);
				if (Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The executable, or the test is skipped with a one-line reason; with {@code CI=true} a missing LibreOffice
	 * fails the test instead ({@code .ci/run} installs it).
	 */
	static Path requireExecutable() {
		Optional<Path> soffice = executable();
		if (soffice.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("LibreOffice (soffice) is not on the PATH, and CI=true requires it: "
					+ "apt-get install libreoffice-calc (.ci/run does)");
		}
		Assumptions.assumeTrue(soffice.isPresent(),
				"LibreOffice (soffice) is not on the PATH: apt-get install libreoffice-calc to run this test");
		return soffice.get();
	}

	/**
	 * Converts a document with {@code soffice --headless --convert-to <format>} into {@code outDir}.
	 * @return the converted file
	 */
	static Path convert(Path soffice, Path document, String format, Path outDir)
			throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory("pushloss-libreoffice-profile");
		try {
			List<String> command = new ArrayList<>(List.of(soffice.toString(),
					"-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore", "--convert-to", format,
					"--outdir", outDir.toString(), document.toString()));
			Path log = outDir.resolve("soffice-" + format + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("soffice did not convert " + document + " within " + TIMEOUT_SECONDS
						+ " s: " + Files.readString(log));
			}
			String name = document.getFileName().toString();
			Path converted = outDir.resolve(name.substring(0, name.lastIndexOf('.') + 1) + format);
			if (process.exitValue() != 0 || !Files.exists(converted)) {
				throw new IllegalStateException("soffice exited with " + process.exitValue() + " and wrote no "
						+ converted + ": " + Files.readString(log));
			}
			return converted;
		}
		finally {
			deleteRecursively(profile);
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
