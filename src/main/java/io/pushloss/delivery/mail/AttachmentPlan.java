package io.pushloss.delivery.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.pushloss.report.ReportDocuments;

/**
 * Which documents to attach. Both the PDF and the workbook when their encoded size fits the limit, else the PDF
 * only (the body then says where the full set is archived). Sizes count base64 as sent: 4 bytes per 3, plus a
 * line break every 76 characters.
 *
 * @param pdf the PDF, {@code null} when there is none
 * @param excel the workbook to attach, {@code null} when left out or absent
 * @param excelOmitted whether a workbook exists but was left out for size
 * @param encodedBytes the encoded size of what would have been attached together
 * @param limitBytes the configured limit
 */
public record AttachmentPlan(Path pdf, Path excel, boolean excelOmitted, long encodedBytes, long limitBytes) {

	/** Plans the attachments of the documents under a limit. */
	public static AttachmentPlan of(ReportDocuments documents, long limitBytes) {
		Path pdf = existing(documents.pdf());
		Path excel = existing(documents.excel());
		long encoded = base64Size(size(pdf)) + base64Size(size(excel));
		boolean omit = excel != null && pdf != null && encoded > limitBytes;
		return new AttachmentPlan(pdf, omit ? null : excel, omit, encoded, limitBytes);
	}

	/** The size of {@code bytes} bytes once base64-encoded in MIME lines of 76 characters. */
	public static long base64Size(long bytes) {
		long chars = 4 * ((bytes + 2) / 3);
		long lines = (chars + 75) / 76;
		return chars + 2 * lines;
	}

	private static Path existing(Path file) {
		return (file != null && Files.isRegularFile(file)) ? file : null;
	}

	private static long size(Path file) {
		try {
			return (file != null) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
