package io.pushloss.report.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sRGB ICC profile a PDF/A file embeds as its output intent. JasperReports wants it as a file path; the JDK
 * ships the profile, so it is written to a temporary file once per writer (per application context) instead of being kept in the
 * repository as a binary.
 */
final class SrgbIccProfile {

	private Path path;

	/** The profile's file, written the first time it is asked for (and again if it was deleted). */
	synchronized Path path() {
		if (this.path == null || !Files.isRegularFile(this.path)) {
			try {
				Path file = Files.createTempFile("pushloss-srgb-", ".icc");
				file.toFile().deleteOnExit();
				Files.write(file, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
				this.path = file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not write the sRGB ICC profile the PDF/A output needs to the "
						+ "temporary folder " + System.getProperty("java.io.tmpdir"), ex);
			}
		}
		return this.path;
	}

}
