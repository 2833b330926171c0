package io.pushloss.report.pdf;

/**
 * The PDF report could not be produced: a template is missing or invalid, or filling or writing failed. The message
 * names the template, or the job and week, and the file concerned.
 */
public class PdfReportException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PdfReportException(String message, Throwable cause) {
		super(message, cause);
	}

	public PdfReportException(String message) {
		super(message);
	}

}
