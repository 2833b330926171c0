package io.pushloss.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.api.PushLossApi;
import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.store.FetchWindow;
import io.pushloss.store.LossStore;
import io.pushloss.store.WindowCoverage;


/**
 * The state of one execution of the {@code fetchLossWindows} step (step-scoped): the plan, the windows still to
 * fetch, and the counters it records through its {@link FetchCheckpoint}.
 * <p>
 * What is pending is worked out from the store when the step opens, so a restarted or repeated run skips whatever
 * an earlier one committed. A forced refresh treats only windows committed since it was asked for as done.
 */
public class FetchSession {

	private static final Logger logger = LoggerFactory.getLogger(FetchSession.class);

	private final JobDefinition job;

	private final IsoWeek week;

	private final ZoneId zone;

	private final Instant refreshSince;

	private final LossStore store;

	private final PushLossApiProvider apiProvider;

	private final Clock clock;

	private final Deque<FetchWindow> pending = new ArrayDeque<>();

	private FetchCheckpoint checkpoint;

	private String failedBefore;

	private PushLossApi api;

	private int planned;

	private int alreadyStored;

	private int fetched;

	/** Requests sent to the vendor; the client may report them from its own threads. */
	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger retriedCalls = new AtomicInteger();

	private int retries;

	private long rowsStored;

	private final FetchProgressListener progress;

	/**
	 * @param refreshSince for a forced refresh, when it was asked for; {@code null} for an incremental run
	 * @param apiProvider may be {@code null} until the application configures one
	 * @param progress hears the progress after the plan and after each chunk
	 */
	public FetchSession(JobDefinition job, IsoWeek week, ZoneId zone, Instant refreshSince, LossStore store,
			PushLossApiProvider apiProvider, Clock clock, FetchProgressListener progress) {
		this.progress = progress;
		this.job = job;
		this.week = week;
		this.zone = zone;
		this.refreshSince = refreshSince;
		this.store = store;
		this.apiProvider = apiProvider;
		this.clock = clock;
	}

	/** Plans the weeks and finds what is not stored yet. */
	public void open(FetchCheckpoint checkpoint) {
		if (!this.job.zone().equals(this.zone)) {
			throw new IllegalStateException("Job '" + this.job.name() + "' now uses zone " + this.job.zone()
					+ ", but this run of " + this.week + " was started for " + this.zone
					+ "; run the week again (with --force to refresh it)");
		}
		this.checkpoint = checkpoint;
		this.failedBefore = checkpoint.inFlight();
		List<FetchWindow> plan = WindowPlanner.plan(this.job, this.week);
		long from = plan.stream().mapToLong(FetchWindow::start).min().orElseThrow();
		long to = plan.stream().mapToLong(FetchWindow::end).max().orElseThrow();
		WindowCoverage coverage = new WindowCoverage(this.store.storedWindows(appId(), from, to), this.refreshSince);
		this.pending.clear();
		for (FetchWindow window : plan) {
			FetchWindow remainder = coverage.remainder(window);
			if (remainder != null) {
				this.pending.add(remainder);
			}
		}
		this.planned = plan.size();
		this.alreadyStored = this.planned - this.pending.size();
		this.fetched = 0;
		this.calls.set(0);
		this.retriedCalls.set(0);
		this.retries = 0;
		this.rowsStored = 0;
		record();
		// DEBUG, which application.yml lets into the log file: the command line shows its own progress
		logger.debug(String.format("week %s: %d windows planned (%d week(s), %s), %d already stored%s", this.week,
				this.planned, this.job.baselineWeeks() + 1, this.job.window(), this.alreadyStored,
				(this.refreshSince != null) ? ", forced refresh" : ""));
		reportProgress();
	}

	/** The next window to fetch, or {@code null} when all are stored. */
	public FetchWindow next() {
		return this.pending.poll();
	}

	/**
	 * Calls the API for one window (the client rate-limits and retries), counting every request it sends, and
	 * records the counts whether the window was fetched or not: a failed run reports the requests it really made.
	 */
	public FetchedWindow fetch(FetchWindow window) {
		if (this.api == null) {
			if (this.apiProvider == null) {
				throw new IllegalStateException("No PushLossApiProvider is configured: cannot call the vendor");
			}
			this.api = this.apiProvider.forJob(this.job);
		}
		if (window.key().equals(this.failedBefore)) {
			this.retries++;
		}
		// Kept in the checkpoint until the window commits: if this call fails, a restart knows it is a retry.
		this.checkpoint.record(counts(), window.key());
		reportProgress();
		try {
			return new FetchedWindow(window, this.api.fetch(window.toQuery(), this::requestSent).rows());
		}
		finally {
			// the requests this window sent (counted as each left), also when it failed: the last progress is true
			this.checkpoint.record(counts(), window.key());
			reportProgress();
		}
	}

	private void requestSent(boolean retry) {
		this.calls.incrementAndGet();
		if (retry) {
			this.retriedCalls.incrementAndGet();
		}
	}

	/** Stores fetched windows; runs in the chunk's transaction. */
	public void store(List<? extends FetchedWindow> windows) {
		Instant now = this.clock.instant();
		for (FetchedWindow window : windows) {
			this.store.replaceWindow(appId(), window.window(), window.rows(), now);
			this.fetched++;
			this.rowsStored += window.rows().size();
		}
		record();
		logger.debug(String.format("week %s: %d/%d windows, %d calls (%d retried), %d windows retried", this.week,
				this.alreadyStored + this.fetched, this.planned, this.calls.get(), this.retriedCalls.get(),
				this.retries));
		reportProgress();
	}

	private void reportProgress() {
		this.progress.progress(new FetchProgressListener.Progress(this.job.name(), this.week,
				this.alreadyStored + this.fetched, this.planned, this.calls.get()));
	}

	private long appId() {
		return this.job.api().sdkAppId();
	}

	/** What this step execution has done so far. */
	public FetchCounts counts() {
		return new FetchCounts(this.planned, this.alreadyStored, this.fetched, this.calls.get(),
				this.retriedCalls.get(), this.retries, this.rowsStored);
	}

	private void record() {
		this.checkpoint.record(counts(), null);
	}

}
