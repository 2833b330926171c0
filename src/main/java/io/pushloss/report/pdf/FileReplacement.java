package io.pushloss.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import net.sf.jasperreports.engine.JRException;

import io.pushloss.domain.PrivateFiles;

/**
 * Writes a file through a {@code .part} sibling moved into place at the end, so that a failed write never leaves
 * a truncated document where the e-mail or the archive would pick it up. The file is owner-only and no symbolic
 * link is followed.
 */
final class FileReplacement {

	private FileReplacement() {
	}

	static void write(Path target, Content content) throws IOException, JRException {
		// a link planted in the folder's place, or in the partial file's, would send the document elsewhere
		Path parent = PrivateFiles.writableFolder(target.toAbsolutePath().getParent());
		Path partial = parent.resolve(target.getFileName() + ".part");
		try {
			// a leftover of a crashed write (or a planted link: deleting removes the link, not its target)
			Files.deleteIfExists(partial);
			try (OutputStream out = PrivateFiles.newFile(partial)) {
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
