package io.pushloss.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import net.sf.jasperreports.engine.JRException;

/**
 * Writes a file through a {@code .part} sibling moved into place at the end, so that a failed write never leaves
 * a truncated document where the e-mail or the archive would pick it up.
 */
final class FileReplacement {

	private FileReplacement() {
	}

	static void write(Path target, Content content) throws IOException, JRException {
		Path parent = target.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path partial = parent.resolve(target.getFileName() + ".part");
		try {
			try (OutputStream out = Files.newOutputStream(partial)) {
				content.writeTo(out);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream out) throws IOException, JRException;

	}

}
