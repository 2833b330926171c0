package io.pushloss.report.excel;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.TaskLoss.TaskCode;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.IsoWeek;

/**
 * The flat, filterable tables: by vendor, by error code, by task and the top codes of each task. Each sheet has one
 * table with a frozen header row and an auto-filter.
 */
final class BreakdownSheets {

	static final String VENDORS = "By vendor";

	static final String CODES = "By error code";

	static final String TASKS = "By task";

	static final String TASK_CODES = "Task codes";

	private final Cells cells;

	BreakdownSheets(Cells cells) {
		this.cells = cells;
	}

	/** Source, vendor, stage, W, W-1, delta, % change, share of stage. */
	void vendors(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 16, 14, 20, 14, 14, 12, 11, 11);
		this.cells.header(sheet.createRow(0), 0, "Source", "Vendor", "Stage", Labels.thisWeek(week),
				Labels.lastWeek(week), "Delta", "% change", "Share of stage");
		int row = 1;
		for (VendorLoss loss : report.vendors()) {
			Row line = sheet.createRow(row++);
			this.cells.text(line, 0, loss.source().displayName());
			this.cells.text(line, 1, Labels.vendor(loss.vendor()));
			this.cells.text(line, 2, loss.stage().label());
			this.cells.weekOverWeek(line, 3, loss.counts());
			this.cells.percent(line, 7, loss.shareOfStage());
		}
		finish(sheet, row - 1, 7, 5, 6);
	}

	/**
	 * Source, vendor, stage, code, info, W, W-1, delta, % change, status, anomaly, baseline mean, category, owner,
	 * hint. Codes the catalogue does not know show the category "Uncatalogued".
	 */
	void codes(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 16, 14, 20, 14, 40, 14, 14, 12, 11, 11, 10, 12, 30, 22, 80);
		this.cells.header(sheet.createRow(0), 0, "Source", "Vendor", "Stage", "Code", "Info", Labels.thisWeek(week),
				Labels.lastWeek(week), "Delta", "% change", "Status", "Anomaly", "Baseline mean", "Category", "Owner",
				"Hint");
		int row = 1;
		for (CodeLoss code : report.codes()) {
			Row line = sheet.createRow(row++);
			this.cells.text(line, 0, code.source().displayName());
			this.cells.text(line, 1, Labels.vendor(code.vendor()));
			this.cells.text(line, 2, code.stage().label());
			this.cells.text(line, 3, code.errCode());
			this.cells.text(line, 4, code.errInfo());
			this.cells.weekOverWeek(line, 5, code.counts());
			this.cells.text(line, 9, Labels.status(code.status()));
			this.cells.text(line, 10, code.anomaly() ? "Yes" : "");
			if (code.baseline() != null) {
				this.cells.decimal(line, 11, code.baseline().mean());
			}
			this.cells.text(line, 12, Labels.category(code.remediation()));
			this.cells.text(line, 13, code.remediation().owner().label());
			this.cells.text(line, 14, code.remediation().hint());
		}
		finish(sheet, row - 1, 14, 7, 8);
	}

	/** Task, stage, W, W-1, delta, % change (push-to-all tasks, a breakdown of the overall figures). */
	void tasks(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 30, 20, 14, 14, 12, 11);
		this.cells.header(sheet.createRow(0), 0, "Task", "Stage", Labels.thisWeek(week), Labels.lastWeek(week),
				"Delta", "% change");
		int row = 1;
		for (TaskLoss task : report.tasks()) {
			for (StageTotal stage : task.stages()) {
				Row line = sheet.createRow(row++);
				this.cells.text(line, 0, task.taskId());
				this.cells.text(line, 1, stage.stage().label());
				this.cells.weekOverWeek(line, 2, stage.counts());
			}
		}
		finish(sheet, row - 1, 5, 4, 5);
	}

	/** Task, stage, code, info, W, W-1, delta, % change: each task's top codes, largest first. */
	void taskCodes(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 30, 20, 14, 40, 14, 14, 12, 11);
		this.cells.header(sheet.createRow(0), 0, "Task", "Stage", "Code", "Info", Labels.thisWeek(week),
				Labels.lastWeek(week), "Delta", "% change");
		int row = 1;
		for (TaskLoss task : report.tasks()) {
			for (TaskCode code : task.topCodes()) {
				Row line = sheet.createRow(row++);
				this.cells.text(line, 0, task.taskId());
				this.cells.text(line, 1, code.stage().label());
				this.cells.text(line, 2, code.errCode());
				this.cells.text(line, 3, code.errInfo());
				this.cells.weekOverWeek(line, 4, code.counts());
			}
		}
		finish(sheet, row - 1, 7, 6, 7);
	}

	private static void finish(Sheet sheet, int lastRow, int lastColumn, int... deltaColumns) {
		SheetLayout.table(sheet, 0, Math.max(lastRow, 0), lastColumn);
		SheetLayout.deltaColours(sheet, 1, lastRow, deltaColumns);
	}

}
