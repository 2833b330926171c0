package io.pushloss.report.excel;

import java.nio.file.Path;

/**
 * The Excel workbook of a job and week could not be written. Nothing is left at the target in that case: the
 * previous file, if any, is untouched.
 */
public class ExcelReportException extends RuntimeException {

	private final String jobName;

	private final String week;

	private final Path target;

	public ExcelReportException(String jobName, String week, Path target, Throwable cause) {
		super("Could not write the Excel report of job '" + jobName + "' for " + week + " to " + target + ": "
				+ cause.getMessage(), cause);
		this.jobName = jobName;
		this.week = week;
		this.target = target;
	}

	public String jobName() {
		return this.jobName;
	}

	public String week() {
		return this.week;
	}

	public Path target() {
		return this.target;
	}

}
