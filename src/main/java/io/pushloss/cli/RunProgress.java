package io.pushloss.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchProgressListener;
import io.pushloss.job.RunStep;
import io.pushloss.job.RunStepListener;
import io.pushloss.jobdef.JobDefinition;

/**
 * The progress of {@code run}, {@code restart} and {@code backfill} on standard error. A window is one call (one
 * API, task group and period), as everywhere else.
 * <p>
 * On a terminal the fetch is one line redrawn in place (see {@link #bar(Bar)}), and every other step one line when
 * it ends:
 *
 * <pre>
 * demo 2026-W46 [#########...............] 53/140 windows  0.98 calls/s  ~1m29s left
 * demo week 2/3 2026-W45 [#########...............] 53/140 windows  0.98 calls/s  ~1m29s left
 * </pre>
 *
 * Otherwise (a log file, a pipe) one line per step, never one per window (those go to the log file):
 *
 * <pre>
 * backfill demo: week 2026-W45 (2 of 3)
 * demo 2026-W45: fetch: 140 windows planned, 112 already stored, 28 to fetch (about 28s at 1 call/s)
 * demo 2026-W45: fetch: 140/140 windows stored, 28 calls in 29s (0.97 calls/s)
 * demo 2026-W45: analysis done in 2.5s
 * </pre>
 */
final class RunProgress implements FetchProgressListener, RunStepListener {

	static final int BAR_WIDTH = 24;

	/** Calls before the measured rate replaces the configured one in the estimate. */
	private static final int MEASURED_AFTER_CALLS = 3;

	private final List<IsoWeek> weeks;

	private final boolean backfill;

	private final boolean terminal;

	private final PrintWriter err;

	private final double callsPerSecond;

	private final LongSupplier nanoTime;

	private final String jobName;

	private int weekIndex;

	/** Calls of the weeks before the current one. */
	private int callsBefore;

	/** Calls of the current fetch step so far. */
	private int stepCalls;

	private long stepStartNanos;

	private Progress last;

	private boolean barShown;

	/**
	 * @param weeks the weeks of the command: one for {@code run} and {@code restart}, the range for {@code backfill}
	 * @param backfill whether the weeks are a backfill (the bar then says which week of how many)
	 * @param terminal whether standard error is a terminal
	 * @param callsPerSecond the client's rate limit, for the estimate until calls have been measured
	 * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
	 */
	RunProgress(JobDefinition job, List<IsoWeek> weeks, boolean backfill, boolean terminal, PrintWriter err,
			double callsPerSecond, LongSupplier nanoTime) {
		if (!(callsPerSecond > 0)) {
			throw new IllegalArgumentException("callsPerSecond must be positive, got " + callsPerSecond);
		}
		this.jobName = job.name();
		this.weeks = List.copyOf(weeks);
		this.backfill = backfill;
		this.terminal = terminal;
		this.err = err;
		this.callsPerSecond = callsPerSecond;
		this.nanoTime = nanoTime;
	}

	/** A week of a backfill starts (before it is known whether it is skipped). */
	void startWeek(IsoWeek week) {
		this.weekIndex = Math.max(0, this.weeks.indexOf(week));
		this.stepCalls = 0;
		this.last = null;
		if (!this.terminal && this.backfill) {
			line("backfill " + this.jobName + ": week " + week + " (" + (this.weekIndex + 1) + " of "
					+ this.weeks.size() + ")");
		}
	}

	/** The week ended (completed, skipped or failed): the bar is cleared so that its result prints cleanly. */
	void endWeek() {
		this.callsBefore += this.stepCalls;
		this.stepCalls = 0;
		clearBar();
	}

	/** Calls made so far by the whole command. */
	int calls() {
		return this.callsBefore + this.stepCalls;
	}

	@Override
	public void stepStarted(String job, IsoWeek week, RunStep step) {
		this.stepStartNanos = this.nanoTime.getAsLong();
		if (step == RunStep.FETCH) {
			this.last = null;
		}
	}

	@Override
	public void stepEnded(String job, IsoWeek week, RunStep step, boolean completed) {
		Duration took = Duration.ofNanos(this.nanoTime.getAsLong() - this.stepStartNanos);
		clearBar();
		if (step == RunStep.FETCH && this.last == null) {
			line(job + " " + week + ": fetch: ended early, before its plan");
		}
		else if (step == RunStep.FETCH) {
			Progress progress = this.last;
			int planned = progress.windowsPlanned();
			int done = Math.min(progress.windowsDone(), planned);
			int calls = progress.calls();
			String rate = (calls > 0) ? " (" + rate(calls / seconds(took)) + ")" : "";
			line(job + " " + week + ": fetch: " + (completed ? "" : "ended early at ") + done + "/" + planned
					+ " windows stored, " + RunResultPrinter.calls(calls) + " in " + seconds(took, true) + rate);
		}
		else {
			line(job + " " + week + ": " + step.label() + (completed ? " done in " : " ended early after ")
					+ seconds(took, false));
		}
	}

	@Override
	public void progress(Progress progress) {
		boolean first = (this.last == null);
		this.last = progress;
		this.stepCalls = progress.calls();
		int planned = progress.windowsPlanned();
		int done = Math.min(progress.windowsDone(), planned);
		if (first) {
			int toFetch = planned - done;
			line(progress.job() + " " + progress.week() + ": fetch: " + planned + " windows planned, " + done
					+ " already stored"
					+ ((toFetch == 0) ? ", nothing to fetch"
							: ", " + toFetch + " to fetch (about " + RunsPrinter.duration(left(toFetch, Double.NaN))
									+ " at " + rate(this.callsPerSecond) + ")"));
		}
		if (this.terminal && done < planned) {
			double elapsed = seconds(Duration.ofNanos(this.nanoTime.getAsLong() - this.stepStartNanos));
			double measured = (progress.calls() >= MEASURED_AFTER_CALLS && elapsed > 0)
					? progress.calls() / elapsed : Double.NaN;
			this.err.print("\r\033[K" + bar(new Bar(progress.job(), progress.week(), this.backfill,
					this.weekIndex + 1, this.weeks.size(), done, planned, measured, left(planned - done, measured))));
			this.err.flush();
			this.barShown = true;
		}
	}

	/** The time {@code windows} calls take at the measured rate, or at the rate limit before there is one. */
	private Duration left(int windows, double measured) {
		double rate = (measured > 0) ? Math.min(measured, this.callsPerSecond) : this.callsPerSecond;
		return Duration.ofSeconds(Math.round(windows / rate));
	}

	/**
	 * The progress bar, without a line end:
	 * {@code demo 2026-W46 [#########...............] 53/140 windows  0.98 calls/s  ~1m29s left}; a backfill
	 * says which week of how many before the week. Without a measured rate yet the rate reads {@code -}.
	 */
	static String bar(Bar bar) {
		int filled = (bar.planned() == 0) ? BAR_WIDTH : (int) ((long) BAR_WIDTH * bar.done() / bar.planned());
		return bar.job() + (bar.backfill() ? " week " + bar.weekNumber() + "/" + bar.weeks() : "") + " "
				+ bar.week() + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + bar.done() + "/"
				+ bar.planned() + " windows  "
				+ ((bar.callsPerSecond() > 0) ? String.format(Locale.ROOT, "%.2f calls/s", bar.callsPerSecond())
						: "- calls/s")
				+ "  ~" + RunsPrinter.duration(bar.left()) + " left";
	}

	/** {@code 1 call/s}, {@code 20 calls/s}, {@code 0.97 calls/s}. */
	static String rate(double callsPerSecond) {
		if (callsPerSecond == Math.rint(callsPerSecond)) {
			return (long) callsPerSecond + ((callsPerSecond == 1) ? " call/s" : " calls/s");
		}
		return String.format(Locale.ROOT, "%.2f calls/s", callsPerSecond);
	}

	private static double seconds(Duration duration) {
		return Math.max(duration.toNanos(), 1) / 1e9;
	}

	/** {@code 2.5s} under a minute (whole seconds when {@code whole}), else as {@link RunsPrinter#duration}. */
	private static String seconds(Duration duration, boolean whole) {
		if (duration.toSeconds() >= 60 || whole) {
			return RunsPrinter.duration(duration);
		}
		return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
	}

	private void clearBar() {
		if (this.barShown) {
			this.err.print("\r\033[K");
			this.err.flush();
			this.barShown = false;
		}
	}

	private void line(String text) {
		clearBar();
		this.err.println(text);
		this.err.flush();
	}

	/**
	 * What the bar shows.
	 *
	 * @param job the job name
	 * @param week the week being fetched
	 * @param backfill whether it is a week of a backfill
	 * @param weekNumber which week of the backfill, from 1
	 * @param weeks how many weeks the backfill has
	 * @param done windows of the week's plan in the store
	 * @param planned windows in the week's plan
	 * @param callsPerSecond calls per second measured so far, {@code NaN} before there is a measure
	 * @param left the estimated time to fetch the rest
	 */
	record Bar(String job, IsoWeek week, boolean backfill, int weekNumber, int weeks, int done, int planned,
			double callsPerSecond, Duration left) {
	}

}
