package io.pushloss.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.pushloss.domain.PrivateFiles;

/**
 * Writes a report's {@code summary.json}: the machine-readable form of {@link WeeklyReport}, schema version
 * {@link WeeklyReport#SCHEMA_VERSION}, pretty-printed with a fixed key order (schema in doc/analysis.md).
 * The file is written to a temporary file beside the target and then moved over it, so a reader never sees half a
 * file.
 */
@Component
public class SummaryJsonWriter {

	/** The conventional file name. */
	public static final String FILE_NAME = "summary.json";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	/** The summary.json text of a report (UTF-8, ends with a newline). */
	public String toJson(WeeklyReport report) {
		return JSON.writeValueAsString(SummaryJsonTree.of(report)) + "\n";
	}

	/**
	 * Writes the report to {@code target} atomically (owner-only), creating missing parent directories owner-only;
	 * the folder must be a real directory, not a symbolic link.
	 * @throws UncheckedIOException naming the target when the file cannot be written
	 */
	public void write(WeeklyReport report, Path target) {
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		Path temp = null;
		try {
			// a link planted in the folder's place would send the file elsewhere
			PrivateFiles.writableFolder(directory);
			temp = Files.createTempFile(directory, "." + absolute.getFileName() + "-", ".tmp");
			Files.writeString(temp, toJson(report));
			try {
				Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new UncheckedIOException("Cannot write " + absolute + " for " + report.header().jobName() + " "
					+ report.header().week() + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				// the write already failed; the leftover temporary file is hidden and harmless
			}
		}
	}

}
