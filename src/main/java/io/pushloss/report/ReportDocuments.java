package io.pushloss.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files one run produced for one job and week, all in one folder
 * ({@code <data-dir>/reports/<job>/<week>/}).
 *
 * @param directory the folder
 * @param summaryJson {@code summary.json}
 * @param excel {@code push-loss-<job>-<week>.xlsx}
 * @param pdf {@code push-loss-<job>-<week>.pdf}
 * @param vendorChartPng the PDF's vendor chart as PNG, for the email's inline image
 */
public record ReportDocuments(Path directory, Path summaryJson, Path excel, Path pdf, Path vendorChartPng) {

	public ReportDocuments {
		Objects.requireNonNull(directory, "directory");
	}

	/** The documents' conventional paths for a job and week below a reports root. */
	public static ReportDocuments in(Path reportsRoot, String jobName, String week) {
		Path dir = reportsRoot.resolve(jobName).resolve(week);
		String base = "push-loss-" + jobName + "-" + week;
		return new ReportDocuments(dir, dir.resolve("summary.json"), dir.resolve(base + ".xlsx"),
				dir.resolve(base + ".pdf"), dir.resolve("vendor-chart.png"));
	}

}
