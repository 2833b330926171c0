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
 * table with a frozen header row, an auto-filter and a print setup that repeats the header row on every page. The
 * number columns hold numbers only (a change from 0 is an empty cell, flagged "new" in the flag column or by the
 * status), so they sort and sum.
 */
final class BreakdownSheets {

	private final Cells cells;

	private final Labels labels;

	private final String title;

	BreakdownSheets(Cells cells, Labels labels, String title) {
		this.cells = cells;
		this.labels = labels;
		this.title = title;
	}

	/** Source, vendor, stage, W, W-1, delta, % change, flag, share of stage. */
	void vendors(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 14, 15, 24, 13, 13, 11, 11, 8, 11);
		Row header = sheet.createRow(0);
		this.cells.header(header, 0, this.labels.term("source"), this.labels.term("vendor"), this.labels.term("stage"),
				this.labels.thisWeek(week), this.labels.lastWeek(week), this.labels.term("change"), l("column.percent"),
				l("column.flag"), l("column.share"));
		this.cells.numberHeaders(header, 3, 6);
		this.cells.flagHeader(header, 7);
		this.cells.numberHeaders(header, 8, 8);
		int row = 1;
		for (VendorLoss loss : report.vendorsByVendor()) {
			Row line = sheet.createRow(row++);
			this.cells.text(line, 0, this.labels.source(loss.source()));
			this.cells.text(line, 1, this.labels.vendor(loss.vendor()));
			this.cells.text(line, 2, this.labels.stage(loss.stage()));
			this.cells.weekOverWeek(line, 3, loss.counts(), this.labels.newFlag());
			this.cells.percent(line, 8, loss.shareOfStage());
		}
		finish(sheet, row - 1, 8, 5, 6);
	}

	/**
	 * Source, vendor, stage, code, vendor's text, W, W-1, delta, % change, status, anomaly, baseline, category, what
	 * it means, who fixes it, what to do. Codes the catalogue does not know show the category "Uncatalogued". The status says why a change
	 * is empty (New, Regressed).
	 */
	void codes(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 12, 14, 23, 14, 24, 13, 13, 9, 11, 10, 9, 12, 16, 24, 15, 36);
		Row header = sheet.createRow(0);
		this.cells.header(header, 0, this.labels.term("source"), this.labels.term("vendor"), this.labels.term("stage"),
				this.labels.term("code"), l("column.info"), this.labels.thisWeek(week), this.labels.lastWeek(week),
				this.labels.term("change"), l("column.percent"), l("column.status"), this.labels.term("anomaly"),
				l("column.baseline"), l("column.category"), this.labels.term("meaning"), this.labels.term("owner"),
				this.labels.term("action"));
		this.cells.numberHeaders(header, 5, 8);
		this.cells.flagHeader(header, 9);
		this.cells.numberHeaders(header, 11, 11);
		int row = 1;
		for (CodeLoss code : report.codes()) {
			Row line = sheet.createRow(row++);
			this.cells.text(line, 0, this.labels.source(code.source()));
			this.cells.text(line, 1, this.labels.vendor(code.vendor()));
			this.cells.text(line, 2, this.labels.stage(code.stage()));
			this.cells.wrapped(line, 3, code.errCode());
			this.cells.wrapped(line, 4, code.errInfo());
			this.cells.weekOverWeek(line, 5, code.counts());
			this.cells.centred(line, 9, this.labels.status(code.status()));
			this.cells.text(line, 10, code.anomaly() ? l("anomaly.yes") : "");
			if (code.baseline() != null) {
				this.cells.count(line, 11, code.baseline().rounded());
			}
			this.cells.wrapped(line, 12, this.labels.category(code.remediation()));
			this.cells.wrapped(line, 13, this.labels.meaning(code.remediation()));
			this.cells.wrapped(line, 14, this.labels.owner(code.remediation()));
			this.cells.wrapped(line, 15, this.labels.action(code.remediation()));
		}
		finish(sheet, row - 1, 15, 7, 8);
	}

	/** Task, stage, W, W-1, delta, % change, flag (push-to-all tasks, a breakdown of the overall figures). */
	void tasks(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 30, 24, 13, 13, 11, 11, 8);
		Row header = sheet.createRow(0);
		this.cells.header(header, 0, this.labels.term("task"), this.labels.term("stage"), this.labels.thisWeek(week),
				this.labels.lastWeek(week), this.labels.term("change"), l("column.percent"), l("column.flag"));
		this.cells.numberHeaders(header, 2, 5);
		this.cells.flagHeader(header, 6);
		int row = 1;
		for (TaskLoss task : report.tasks()) {
			for (StageTotal stage : task.stages()) {
				Row line = sheet.createRow(row++);
				this.cells.text(line, 0, task.taskId());
				this.cells.text(line, 1, this.labels.stage(stage.stage()));
				this.cells.weekOverWeek(line, 2, stage.counts(), this.labels.newFlag());
			}
		}
		finish(sheet, row - 1, 6, 4, 5);
	}

	/** Task, stage, code, info, W, W-1, delta, % change, flag: each task's top codes, largest first. */
	void taskCodes(Sheet sheet, WeeklyReport report) {
		IsoWeek week = report.header().week();
		SheetLayout.widths(sheet, 30, 24, 14, 36, 13, 13, 10, 11, 8);
		Row header = sheet.createRow(0);
		this.cells.header(header, 0, this.labels.term("task"), this.labels.term("stage"), this.labels.term("code"),
				l("column.info"), this.labels.thisWeek(week), this.labels.lastWeek(week), this.labels.term("change"),
				l("column.percent"), l("column.flag"));
		this.cells.numberHeaders(header, 4, 7);
		this.cells.flagHeader(header, 8);
		int row = 1;
		for (TaskLoss task : report.tasks()) {
			for (TaskCode code : task.topCodes()) {
				Row line = sheet.createRow(row++);
				this.cells.text(line, 0, task.taskId());
				this.cells.text(line, 1, this.labels.stage(code.stage()));
				this.cells.wrapped(line, 2, code.errCode());
				this.cells.wrapped(line, 3, code.errInfo());
				this.cells.weekOverWeek(line, 4, code.counts(), this.labels.newFlag());
			}
		}
		finish(sheet, row - 1, 8, 6, 7);
	}

	private String l(String key) {
		return this.labels.get(key);
	}

	private void finish(Sheet sheet, int lastRow, int lastColumn, int... deltaColumns) {
		SheetLayout.table(sheet, 0, Math.max(lastRow, 0), lastColumn);
		SheetLayout.deltaColours(sheet, 1, lastRow, deltaColumns);
		SheetLayout.print(sheet, 1, this.title, this.labels.get("footer"));
	}

}
