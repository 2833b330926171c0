package io.pushloss.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.pushloss.domain.IsoWeek;
import io.pushloss.job.InterruptedRuns.InterruptedRun;
import io.pushloss.job.InterruptedRuns;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeekLocks.LockWait;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionRegistry;
import io.pushloss.store.StoreDatabase;

/**
 * The Quartz job: a thin bridge to {@link WeeklyReportRunner}, in the Quartz worker thread.
 * <p>
 * A cron firing runs the last complete ISO week in the job's zone with the default options (incremental, with
 * email). A week that already completed is not run again: the Spring Batch job identity (job, week, zone) prevents
 * it and the runner answers ALREADY_COMPLETE. A resume firing (trigger data {@value #RESUME_WEEK}) restarts a
 * week whose run was stopped or left running by a process that died, unless it moved on since it was scheduled.
 * <p>
 * One Quartz job per report job, never run concurrently with itself ({@link DisallowConcurrentExecution}, across
 * the nodes of a cluster too): a second firing of the same job waits until the first returns.
 * <p>
 * A <em>recovering</em> firing is Quartz firing again, on a live node, a firing whose node died while running it
 * (jobs request recovery). It runs the week of the original firing, not the week of now, and waits for the week's
 * lock until the dead node's lock has expired ({@link LockWait#TAKEOVER}); holding it proves the node dead, and the
 * runner continues its execution from the last committed window. On a shared database a resume firing takes over
 * the same way, without waiting for {@code stale-run-after}. The log lines of a firing carry the node's Quartz
 * instance id (logging key {@value #NODE}).
 */
@DisallowConcurrentExecution
public class ScheduledReportJob implements Job {

	/** Job data: the report job's name. */
	static final String JOB_NAME = "reportJob";

	/** Trigger data of a resume firing: the week to restart. */
	static final String RESUME_WEEK = "resumeWeek";

	/** Trigger data of a resume firing: the execution it expects to be the week's last. */
	static final String RESUME_EXECUTION = "resumeExecution";

	/**
	 * Trigger data of a resume firing of a run marked running: its last update (epoch milliseconds) when the resume
	 * was scheduled. A different value when it fires means another process is still running it.
	 */
	static final String RESUME_LAST_UPDATED = "resumeLastUpdated";

	/** Trigger data of a run-now or backfill firing: the id of its {@link ReportRequest}. */
	static final String REQUEST = "request";

	/** The logging (MDC) key of the Quartz instance id of the node running a firing. */
	static final String NODE = "node";

	private static final Logger logger = LoggerFactory.getLogger(ScheduledReportJob.class);

	private final JobDefinitionRegistry definitions;

	private final WeeklyReportRunner runner;

	private final InterruptedRuns interruptedRuns;

	private final Clock clock;

	private final boolean cluster;

	private final ReportRequests requests;

	public ScheduledReportJob(JobDefinitionRegistry definitions, WeeklyReportRunner runner,
			InterruptedRuns interruptedRuns, Clock clock, StoreDatabase database, ReportRequests requests) {
		this.requests = requests;
		this.definitions = definitions;
		this.runner = runner;
		this.interruptedRuns = interruptedRuns;
		this.clock = clock;
		this.cluster = database.shared();
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		String name = data.getString(JOB_NAME);
		String node = instanceId(context);
		try (MDC.MDCCloseable marked = MDC.putCloseable(NODE, node)) {
			JobDefinition job = this.definitions.get(name);
			LockWait wait = (context.isRecovering() || this.cluster) ? LockWait.TAKEOVER : LockWait.NONE;
			if (data.containsKey(REQUEST)) {
				requested(job, data.getString(REQUEST), node, wait);
				return;
			}
			RunOutcome outcome = data.containsKey(RESUME_WEEK) ? resume(job, data, node, wait)
					: scheduled(job, context, node, wait);
			if (outcome != null) {
				report(name, outcome);
			}
		}
		catch (RuntimeException ex) {
			// Not refired: the next firing (or a restart of the week) is the retry; the log says why.
			logger.error("Scheduled run of {} on node {} could not run: {}", name, node, ex.getMessage(), ex);
			throw new JobExecutionException("Scheduled run of " + name + " could not run: " + ex.getMessage(), ex,
					false);
		}
	}

	private RunOutcome scheduled(JobDefinition job, JobExecutionContext context, String node, LockWait wait) {
		if (context.isRecovering()) {
			IsoWeek week = IsoWeek.lastComplete(job.zone(), originalFiring(context, job.zone()));
			logger.info("Schedule of {} recovered on node {}: its firing at {} was on a node that died; running {}",
					job.name(), node, originalFireTime(context), week);
			return this.runner.run(job, week, RunOptions.DEFAULT, LockWait.TAKEOVER);
		}
		IsoWeek week = IsoWeek.lastComplete(job.zone(), this.clock);
		logger.info("Schedule of {} fired on node {} (due {}): running {}", job.name(), node,
				context.getScheduledFireTime(), week);
		return this.runner.run(job, week, RunOptions.DEFAULT, wait);
	}

	/**
	 * The clock as it read when the original firing fired: this clock, less how late the recovering firing is (so
	 * that a fixed clock, {@code -Dpushloss.now}, still picks the week the original firing ran).
	 */
	private Clock originalFiring(JobExecutionContext context, ZoneId zone) {
		Instant original = originalFireTime(context);
		Duration late = (original != null) ? Duration.between(original, context.getFireTime().toInstant())
				: Duration.ZERO;
		return Clock.fixed(this.clock.instant().minus(late.isNegative() ? Duration.ZERO : late), zone);
	}

	private static Instant originalFireTime(JobExecutionContext context) {
		String millis = context.getMergedJobDataMap()
			.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
		return (millis != null && millis.matches("[0-9]{1,19}")) ? Instant.ofEpochMilli(Long.parseLong(millis))
				: null;
	}

	/**
	 * A run-now or backfill request: its weeks in order, as {@code backfill} runs them (a complete week is skipped
	 * unless forced, a failed or stopped one continued); the first week that does not complete ends the request.
	 */
	private void requested(JobDefinition job, String id, String node, LockWait wait) {
		ReportRequest request = this.requests.find(id).orElse(null);
		if (request == null || request.state().ended()) {
			logger.info("Request {} of {} is gone or ended; nothing to run", id, job.name());
			return;
		}
		this.requests.started(id, node, this.clock.instant());
		logger.info("{} of {} {} to {} (request {} by {}) on node {}", request.kind(), job.name(), request.from(),
				request.to(), id, request.requestedBy(), node);
		RunOptions options = new RunOptions(request.force(), request.email(), false);
		try {
			for (IsoWeek week : request.weeks()) {
				RunOutcome outcome = this.runner.run(job, week, options, wait);
				report(job.name(), outcome);
				this.requests.ran(id, outcome.executionId(), week + ": " + outcome.message());
				switch (outcome.status()) {
					case COMPLETED, ALREADY_COMPLETE -> {
					}
					case STOPPED -> {
						this.requests.ended(id, ReportRequest.State.STOPPED, this.clock.instant(), null);
						return;
					}
					default -> {
						this.requests.ended(id, ReportRequest.State.FAILED, this.clock.instant(), null);
						return;
					}
				}
			}
			this.requests.ended(id, ReportRequest.State.DONE, this.clock.instant(), null);
		}
		catch (RuntimeException ex) {
			this.requests.ended(id, ReportRequest.State.FAILED, this.clock.instant(), ex.getMessage());
			throw ex;
		}
	}

	private RunOutcome resume(JobDefinition job, JobDataMap data, String node, LockWait wait) {
		IsoWeek week = IsoWeek.parse(data.getString(RESUME_WEEK));
		long executionId = Long.parseLong(data.getString(RESUME_EXECUTION));
		InterruptedRun run = this.interruptedRuns.find(job, week, executionId);
		if (run == null) {
			logger.info("Nothing to resume for {} of {}: execution {} was continued or ended meanwhile", week,
					job.name(), executionId);
			return null;
		}
		if (run.markedRunning() && wait == LockWait.NONE) {
			// one machine: a run updated since the resumption was scheduled has a live process
			String expected = data.getString(RESUME_LAST_UPDATED);
			String actual = (run.lastUpdated() != null) ? Long.toString(run.lastUpdated().toEpochMilli()) : null;
			if (expected == null || !expected.equals(actual)) {
				logger.warn("Not resuming {} of {}: execution {} is still being updated, another process is "
						+ "running it", week, job.name(), executionId);
				return null;
			}
		}
		logger.info("Resuming {} of {} on node {} (execution {}, {})", week, job.name(), node, executionId,
				run.status());
		// on a cluster the week's lock decides: taken once the holder's lock expired, refused while it lives
		return this.runner.restart(job, week, wait);
	}

	private static String instanceId(JobExecutionContext context) {
		try {
			return context.getScheduler().getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			return "?";
		}
	}

	private static void report(String name, RunOutcome outcome) {
		switch (outcome.status()) {
			case COMPLETED, ALREADY_COMPLETE -> logger.info("Scheduled run of {}: {}", name, outcome.message());
			case STOPPED -> logger.info("Scheduled run of {} stopped (shutdown): {}; the next start continues it",
					name, outcome.message());
			case ALREADY_RUNNING -> logger.warn("Scheduled run of {} left the week to its runner: {}", name,
					outcome.message());
			default -> logger.error("Scheduled run of {} {} (execution {}): {}", name, outcome.status(),
					outcome.executionId(), outcome.message());
		}
	}

}
