package io.pushloss.scheduling;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.domain.IsoWeek;
import io.pushloss.job.InterruptedRuns.InterruptedRun;
import io.pushloss.job.InterruptedRuns;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionRegistry;

/**
 * The Quartz job: a thin bridge to {@link WeeklyReportRunner}, in the Quartz worker thread.
 * <p>
 * A cron firing runs the last complete ISO week in the job's zone with the default options (incremental, with
 * email). A week that already completed is not run again: the Spring Batch job identity (job, week, zone) prevents
 * it and the runner answers ALREADY_COMPLETE. A resume firing (trigger data {@value #RESUME_WEEK}) restarts a
 * week whose run was stopped or left running by a process that died, unless it moved on since it was scheduled.
 * <p>
 * One Quartz job per report job, never run concurrently with itself ({@link DisallowConcurrentExecution}): a
 * second firing of the same job waits until the first returns.
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

	private static final Logger logger = LoggerFactory.getLogger(ScheduledReportJob.class);

	private final JobDefinitionRegistry definitions;

	private final WeeklyReportRunner runner;

	private final InterruptedRuns interruptedRuns;

	private final Clock clock;

	public ScheduledReportJob(JobDefinitionRegistry definitions, WeeklyReportRunner runner,
			InterruptedRuns interruptedRuns, Clock clock) {
		this.definitions = definitions;
		this.runner = runner;
		this.interruptedRuns = interruptedRuns;
		this.clock = clock;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		String name = data.getString(JOB_NAME);
		try {
			JobDefinition job = this.definitions.get(name);
			RunOutcome outcome = data.containsKey(RESUME_WEEK) ? resume(job, data) : scheduled(job, context);
			if (outcome != null) {
				report(name, outcome);
			}
		}
		catch (RuntimeException ex) {
			// Not refired: the next firing (or a restart of the week) is the retry; the log says why.
			logger.error("Scheduled run of {} could not run: {}", name, ex.getMessage(), ex);
			throw new JobExecutionException("Scheduled run of " + name + " could not run: " + ex.getMessage(), ex,
					false);
		}
	}

	private RunOutcome scheduled(JobDefinition job, JobExecutionContext context) {
		IsoWeek week = IsoWeek.lastComplete(job.zone(), this.clock);
		logger.info("Schedule of {} fired (due {}): running {}", job.name(), context.getScheduledFireTime(), week);
		return this.runner.run(job, week, RunOptions.DEFAULT);
	}

	private RunOutcome resume(JobDefinition job, JobDataMap data) {
		IsoWeek week = IsoWeek.parse(data.getString(RESUME_WEEK));
		long executionId = Long.parseLong(data.getString(RESUME_EXECUTION));
		InterruptedRun run = this.interruptedRuns.find(job, week, executionId);
		if (run == null) {
			logger.info("Nothing to resume for {} of {}: execution {} was continued or ended meanwhile", week,
					job.name(), executionId);
			return null;
		}
		if (run.markedRunning()) {
			String expected = data.getString(RESUME_LAST_UPDATED);
			String actual = (run.lastUpdated() != null) ? Long.toString(run.lastUpdated().toEpochMilli()) : null;
			if (expected == null || !expected.equals(actual)) {
				logger.warn("Not resuming {} of {}: execution {} is still being updated, another process is "
						+ "running it", week, job.name(), executionId);
				return null;
			}
		}
		logger.info("Resuming {} of {} (execution {}, {})", week, job.name(), executionId, run.status());
		return this.runner.restart(job, week);
	}

	private static void report(String name, RunOutcome outcome) {
		switch (outcome.status()) {
			case COMPLETED, ALREADY_COMPLETE -> logger.info("Scheduled run of {}: {}", name, outcome.message());
			case STOPPED -> logger.info("Scheduled run of {} stopped (shutdown): {}; the next start continues it",
					name, outcome.message());
			default -> logger.error("Scheduled run of {} {} (execution {}): {}", name, outcome.status(),
					outcome.executionId(), outcome.message());
		}
	}

}
