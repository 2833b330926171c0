package io.pushloss.report.excel;

/**
 * The Raw rows read while the workbook was written were not as many as counted before: the store changed under
 * the report (a forced refresh of the same windows by another job, for example). The workbook is not written; a
 * new run reads a consistent week.
 */
public class RawRowsChangedException extends RuntimeException {

	private final long counted;

	private final long read;

	public RawRowsChangedException(long counted, long read) {
		super("The week's stored rows changed while the Raw sheet was written: " + counted + " counted before, "
				+ ((read > counted) ? "more than that" : String.valueOf(read)) + " read; run the report again");
		this.counted = counted;
		this.read = read;
	}

	/** The rows counted before writing. */
	public long counted() {
		return this.counted;
	}

	/** The rows read while writing (one more than counted when there were more). */
	public long read() {
		return this.read;
	}

}
