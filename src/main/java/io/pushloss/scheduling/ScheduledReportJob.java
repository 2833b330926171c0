package io.pushloss.scheduling;

import java.time.Clock;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.jobdef.JobDefinition;
import io.pushloss.job.JobDefinitionRegistry;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.week.IsoWeek;

/**
 * The Quartz job: a thin bridge that runs the weekly report for the last complete ISO week in the job's zone.
 * <p>
 * One Quartz job per report job, never run concurrently with itself, so two firings of the same report never
 * overlap. A week that already completed is not run again: the Spring Batch job identity (job, week, zone)
 * prevents it and the runner says so.
 */
@DisallowConcurrentExecution
public class ScheduledReportJob implements Job {

	/** The JobDataMap key that names the report job. */
	static final String JOB_NAME = "reportJob";

	private static final Logger logger = LoggerFactory.getLogger(ScheduledReportJob.class);

	private final JobDefinitionRegistry definitions;

	private final WeeklyReportRunner runner;

	private final Clock clock;

	public ScheduledReportJob(JobDefinitionRegistry definitions, WeeklyReportRunner runner, Clock clock) {
		this.definitions = definitions;
		this.runner = runner;
		this.clock = clock;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		String name = context.getMergedJobDataMap().getString(JOB_NAME);
		JobDefinition job = this.definitions.get(name);
		IsoWeek week = IsoWeek.lastComplete(job.zone(), this.clock);
		logger.info("Schedule of {} fired (scheduled {}): running week {}", name, context.getScheduledFireTime(),
				week);
		RunOutcome outcome = this.runner.run(job, week, false);
		logger.info("Scheduled run of {} {}: {}", name, week, outcome.status());
	}

}
