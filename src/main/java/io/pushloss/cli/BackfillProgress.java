package io.pushloss.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchProgressListener;
import io.pushloss.ingest.WindowPlanner;
import io.pushloss.jobdef.JobDefinition;

/**
 * {@code backfill}'s progress on standard error. On a terminal one line redrawn in place:
 *
 * <pre>
 * demo 2026-W45 (week 2/3) [#########...............] 53/140 windows, 193 calls, ~3m07s left
 * </pre>
 *
 * otherwise (a log file, a pipe) a line when a week starts and one after every tenth of its windows:
 *
 * <pre>
 * backfill demo: week 2026-W45 (2/3)
 *   2026-W45: 53/140 windows, 193 calls so far, about 3m07s left at the rate limit
 * </pre>
 *
 * The estimate counts the windows left in this week plus one week of windows for each later week (a later week's
 * baseline is mostly stored by then), at one call per window at {@code pushloss.api.calls-per-second}.
 */
final class BackfillProgress implements FetchProgressListener {

	private static final int BAR_WIDTH = 24;

	private final JobDefinition job;

	private final List<IsoWeek> weeks;

	private final boolean terminal;

	private final PrintWriter err;

	private final double callsPerSecond;

	private int weekIndex = -1;

	/** Calls of the weeks before the current one. */
	private int callsBefore;

	/** Calls of the current week so far. */
	private int weekCalls;

	private int lastPlainTenth = -1;

	private boolean barShown;

	BackfillProgress(JobDefinition job, List<IsoWeek> weeks, boolean terminal, PrintWriter err,
			double callsPerSecond) {
		if (!(callsPerSecond > 0)) {
			throw new IllegalArgumentException("callsPerSecond must be positive, got " + callsPerSecond);
		}
		this.job = job;
		this.weeks = List.copyOf(weeks);
		this.terminal = terminal;
		this.err = err;
		this.callsPerSecond = callsPerSecond;
	}

	/** A week starts (before it is known whether it is skipped). */
	void startWeek(IsoWeek week) {
		this.weekIndex = this.weeks.indexOf(week);
		this.weekCalls = 0;
		this.lastPlainTenth = -1;
		if (!this.terminal) {
			this.err.println("backfill " + this.job.name() + ": week " + week + " (" + (this.weekIndex + 1) + "/"
					+ this.weeks.size() + ")");
			this.err.flush();
		}
	}

	/** The week ended (completed, skipped or failed): the bar is cleared so that its result prints cleanly. */
	void endWeek() {
		this.callsBefore += this.weekCalls;
		this.weekCalls = 0;
		if (this.terminal && this.barShown) {
			this.err.print("\r\033[K");
			this.err.flush();
			this.barShown = false;
		}
	}

	/** Calls made so far by the whole backfill. */
	int calls() {
		return this.callsBefore + this.weekCalls;
	}

	@Override
	public void progress(Progress progress) {
		this.weekCalls = progress.calls();
		int planned = progress.windowsPlanned();
		int done = Math.min(progress.windowsDone(), planned);
		Duration left = Duration.ofSeconds(Math.round((planned - done + windowsOfLaterWeeks()) / this.callsPerSecond));
		if (this.terminal) {
			int filled = (planned == 0) ? BAR_WIDTH : BAR_WIDTH * done / planned;
			this.err.printf("\r\033[K%s %s (week %d/%d) [%s%s] %d/%d windows, %s, ~%s left", this.job.name(),
					progress.week(), this.weekIndex + 1, this.weeks.size(), "#".repeat(filled),
					".".repeat(BAR_WIDTH - filled), done, planned, RunResultPrinter.calls(calls()),
					RunsPrinter.duration(left));
			this.err.flush();
			this.barShown = true;
		}
		else {
			int tenth = (planned == 0) ? 10 : 10 * done / planned;
			if (tenth != this.lastPlainTenth) {
				this.lastPlainTenth = tenth;
				this.err.printf("  %s: %d/%d windows, %s so far, about %s left at the rate limit%n",
						progress.week(), done, planned, RunResultPrinter.calls(calls()), RunsPrinter.duration(left));
				this.err.flush();
			}
		}
	}

	private int windowsOfLaterWeeks() {
		int windows = 0;
		for (int i = this.weekIndex + 1; i < this.weeks.size(); i++) {
			windows += WindowPlanner.planWeek(this.job, this.weeks.get(i)).size();
		}
		return windows;
	}

}
