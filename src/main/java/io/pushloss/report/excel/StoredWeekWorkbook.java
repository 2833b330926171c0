package io.pushloss.report.excel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.pushloss.analysis.WeeklyReport;
import io.pushloss.store.LossStore;
import io.pushloss.store.PlannedWindow;
import io.pushloss.store.PlannedWindowRawRows;

/**
 * Writes a week's workbook with the Raw rows of its planned windows read from the store of record while the sheet
 * is written (never all in memory).
 */
@Component
public class StoredWeekWorkbook {

	private final ExcelReportWriter writer;

	private final LossStore store;

	StoredWeekWorkbook(ExcelReportWriter writer, LossStore store) {
		this.writer = writer;
		this.store = store;
	}

	/**
	 * Writes the workbook.
	 * @param report the report
	 * @param appId the SDKAppID the rows belong to
	 * @param windows the report week's planned windows
	 * @param target the file to write
	 * @param createdTime the document's created time (fixed for reproducible samples)
	 * @return the file written
	 */
	public Path write(WeeklyReport report, long appId, List<PlannedWindow> windows, Path target,
			Instant createdTime) {
		try (PlannedWindowRawRows raw = new PlannedWindowRawRows(this.store, appId, windows)) {
			return this.writer.write(report, raw, target, createdTime);
		}
	}

}
