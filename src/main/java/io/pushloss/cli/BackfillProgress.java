package io.pushloss.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

import io.pushloss.ingest.WindowPlanner;
import io.pushloss.job.FetchProgressListener;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.week.IsoWeek;

/**
 * {@code backfill}'s progress: on a terminal, one line redrawn in place (weeks, windows, calls, estimated time
 * left at the rate limit); otherwise a plain line when a week starts and after every tenth of its windows.
 */
final class BackfillProgress implements FetchProgressListener {

	private final JobDefinition job;

	private final List<IsoWeek> weeks;

	private final boolean terminal;

	private final PrintWriter err;

	private final double callsPerSecond;

	private int weekIndex;

	private int totalCalls;

	private int lastPlainDecile = -1;

	BackfillProgress(JobDefinition job, List<IsoWeek> weeks, boolean terminal, PrintWriter err,
			double callsPerSecond) {
		this.job = job;
		this.weeks = weeks;
		this.terminal = terminal;
		this.err = err;
		this.callsPerSecond = callsPerSecond;
	}

	void startWeek(IsoWeek week) {
		this.weekIndex = this.weeks.indexOf(week);
		this.lastPlainDecile = -1;
		if (!this.terminal) {
			this.err.println("backfill " + this.job.name() + ": week " + week + " (" + (this.weekIndex + 1) + "/"
					+ this.weeks.size() + ")");
			this.err.flush();
		}
	}

	void endWeek() {
		if (this.terminal) {
			this.err.print("\r\033[K");
			this.err.flush();
		}
	}

	@Override
	public void progress(Progress progress) {
		int calls = this.totalCalls + progress.calls();
		if (progress.windowsDone() >= progress.windowsPlanned()) {
			this.totalCalls = calls;
		}
		int remaining = progress.windowsPlanned() - progress.windowsDone() + windowsOfLaterWeeks();
		Duration eta = Duration.ofSeconds(Math.round(remaining / this.callsPerSecond));
		if (this.terminal) {
			int width = 24;
			int filled = (progress.windowsPlanned() == 0) ? width
					: (int) ((long) width * progress.windowsDone() / progress.windowsPlanned());
			this.err.printf("\r\033[K%s week %d/%d [%s%s] %d/%d windows, %d calls, ~%s left", progress.week(),
					this.weekIndex + 1, this.weeks.size(), "#".repeat(filled), ".".repeat(width - filled),
					progress.windowsDone(), progress.windowsPlanned(), calls, format(eta));
			this.err.flush();
		}
		else {
			int decile = (progress.windowsPlanned() == 0) ? 10
					: (int) (10L * progress.windowsDone() / progress.windowsPlanned());
			if (decile != this.lastPlainDecile) {
				this.lastPlainDecile = decile;
				this.err.printf("  %s: %d/%d windows, %d calls, about %s left at the rate limit%n", progress.week(),
						progress.windowsDone(), progress.windowsPlanned(), calls, format(eta));
				this.err.flush();
			}
		}
	}

	/** Each later week adds about one week's windows to the plan (its baseline is mostly stored already). */
	private int windowsOfLaterWeeks() {
		int windows = 0;
		for (int i = this.weekIndex + 1; i < this.weeks.size(); i++) {
			windows += WindowPlanner.planWeek(this.job, this.weeks.get(i)).size();
		}
		return windows;
	}

	private static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s";
		}
		return (seconds / 3600) + "h" + String.format("%02d", (seconds % 3600) / 60) + "m";
	}

}
