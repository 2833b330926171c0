package io.pushloss.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionOperations;

import io.pushloss.job.InterruptedRuns.InterruptedRun;
import io.pushloss.jobdef.JobDefinition;

/**
 * Makes the Quartz job store match the job files given to {@code serve}: one durable job and one cron trigger per
 * report job, the cron evaluated in the job's zone.
 * <p>
 * A trigger whose cron and zone did not change is kept as stored, so its next fire time survives a restart and a
 * run missed while the process was down fires once on start-up (misfire policy "fire once now"), not once per
 * missed week. Triggers of jobs no longer given are removed (with their jobs). One-off resume triggers restart
 * weeks that were interrupted.
 * <p>
 * Several {@code serve} nodes sharing a database register the same schedules when they start, possibly at the same
 * moment: the registration runs in one database transaction, in which Quartz's job-store lock (a row lock on
 * {@code QRTZ_LOCKS}) is held until the commit, so the nodes register one after the other; a trigger another node
 * stored first is taken as stored ({@link ObjectAlreadyExistsException}), and a registration that collided with
 * another node's all the same (the very first, which creates the lock rows) is tried again. Jobs request recovery:
 * a firing whose node dies is fired again on another node (a recovering firing, see {@link ScheduledReportJob}).
 */
public class ReportScheduleRegistrar {

	static final String GROUP = "push-loss-report";

	/** The group of the one-off triggers that resume interrupted weeks. */
	static final String RESUME_GROUP = "push-loss-report-resume";

	/** The group of the one-off triggers of run-now and backfill requests. */
	static final String REQUEST_GROUP = "push-loss-report-request";

	private static final Logger logger = LoggerFactory.getLogger(ReportScheduleRegistrar.class);

	private static final int ATTEMPTS = 3;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Scheduler scheduler;

	private final TransactionOperations transactions;

	/** A registrar whose calls are each a transaction of Quartz's own (one process on its own database). */
	public ReportScheduleRegistrar(Scheduler scheduler) {
		this(scheduler, TransactionOperations.withoutTransaction());
	}

	/**
	 * @param transactions transactions on the database of Quartz's job store, in which each registration runs
	 */
	public ReportScheduleRegistrar(Scheduler scheduler, TransactionOperations transactions) {
		this.scheduler = scheduler;
		this.transactions = transactions;
	}

	/** Registers or updates the schedule of every job and removes schedules of jobs not given. */
	public void register(Collection<JobDefinition> jobs) throws SchedulerException {
		inTransaction("the schedules", () -> registerAll(jobs));
	}

	private void registerAll(Collection<JobDefinition> jobs) throws SchedulerException {
		Set<JobKey> wanted = new HashSet<>();
		for (JobDefinition job : jobs) {
			wanted.add(register(job));
		}
		for (JobKey stale : this.scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
			if (!wanted.contains(stale)) {
				logger.info("Removing the schedule of {}: its job file was not given", stale.getName());
				this.scheduler.deleteJob(stale);
			}
		}
	}

	private JobKey register(JobDefinition job) throws SchedulerException {
		JobKey jobKey = JobKey.jobKey(job.name(), GROUP);
		TriggerKey triggerKey = TriggerKey.triggerKey(job.name(), GROUP);
		JobDetail detail = JobBuilder.newJob(ScheduledReportJob.class)
			.withIdentity(jobKey)
			.withDescription("Weekly push-loss report " + job.name())
			.usingJobData(ScheduledReportJob.JOB_NAME, job.name())
			.requestRecovery(true)
			.storeDurably()
			.build();
		this.scheduler.addJob(detail, true);
		CronTrigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(triggerKey)
			.forJob(jobKey)
			.withSchedule(CronScheduleBuilder.cronSchedule(job.schedule())
				.inTimeZone(TimeZone.getTimeZone(job.zone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		Trigger existing = this.scheduler.getTrigger(triggerKey);
		if (existing == null) {
			try {
				this.scheduler.scheduleJob(trigger);
				logger.info("Scheduled {}: '{}' in {}, next run {}", job.name(), job.schedule(), job.zone(),
						when(this.scheduler.getTrigger(triggerKey).getNextFireTime(), job.zone()));
				return jobKey;
			}
			catch (ObjectAlreadyExistsException ex) {
				// another node starting at the same moment stored it first: compare with what it stored
				existing = this.scheduler.getTrigger(triggerKey);
			}
		}
		if (!sameSchedule(existing, trigger)) {
			boolean paused = this.scheduler.getTriggerState(triggerKey) == Trigger.TriggerState.PAUSED;
			this.scheduler.rescheduleJob(triggerKey, trigger);
			if (paused) {
				// paused from the console: a new cron stays paused
				this.scheduler.pauseTrigger(triggerKey);
			}
			logger.info("Rescheduled {}: '{}' in {}, next run {}", job.name(), job.schedule(), job.zone(),
					when(this.scheduler.getTrigger(triggerKey).getNextFireTime(), job.zone()));
		}
		else {
			if (this.scheduler.getTriggerState(triggerKey) == Trigger.TriggerState.ERROR) {
				// left in error by an earlier process (its job could not be instantiated): try it again
				this.scheduler.resetTriggerFromErrorState(triggerKey);
			}
			logger.info("Schedule of {} unchanged: '{}' in {}, next run {}", job.name(), job.schedule(), job.zone(),
					when(existing.getNextFireTime(), job.zone()));
		}
		return jobKey;
	}

	/**
	 * A fire time as the serve banner writes it: in the job's zone with the zone's name, and the instant in UTC
	 * ("2026-12-07 09:00 Asia/Shanghai (2026-12-07T01:00:00Z)"), never the JVM's {@link Date#toString()}.
	 */
	static String when(Date fireTime, ZoneId zone) {
		if (fireTime == null) {
			return "never";
		}
		Instant instant = fireTime.toInstant();
		return WHEN.format(instant.atZone(zone)) + " " + zone.getId() + " (" + instant + ")";
	}

	/**
	 * Schedules one firing that resumes an interrupted week of a registered job, at {@code at} or at once when that
	 * has passed. It waits like any firing of the job while another run of the job is in progress.
	 */
	public void scheduleResume(JobDefinition job, InterruptedRun run, Instant at) throws SchedulerException {
		inTransaction("the resumption of " + run.week() + " of " + job.name(), () -> resume(job, run, at));
	}

	private void resume(JobDefinition job, InterruptedRun run, Instant at) throws SchedulerException {
		TriggerKey key = TriggerKey.triggerKey(job.name() + "-" + run.week() + "-" + run.executionId(), RESUME_GROUP);
		if (this.scheduler.checkExists(key)) {
			return;
		}
		TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(JobKey.jobKey(job.name(), GROUP))
			.usingJobData(ScheduledReportJob.RESUME_WEEK, run.week().toString())
			.usingJobData(ScheduledReportJob.RESUME_EXECUTION, Long.toString(run.executionId()))
			.startAt(Date.from(at));
		if (run.markedRunning() && run.lastUpdated() != null) {
			builder.usingJobData(ScheduledReportJob.RESUME_LAST_UPDATED,
					Long.toString(run.lastUpdated().toEpochMilli()));
		}
		try {
			this.scheduler.scheduleJob(builder
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build());
		}
		catch (ObjectAlreadyExistsException ex) {
			// another node starting at the same moment scheduled the same resumption
			logger.debug("The resumption {} was scheduled by another node", key);
		}
	}

	/**
	 * Schedules the one firing of a run-now or backfill request (trigger data {@value ScheduledReportJob#REQUEST}),
	 * at once, in the caller's transaction.
	 */
	void scheduleRequest(ReportRequest request) throws SchedulerException {
		this.scheduler.scheduleJob(TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(request.job() + "-" + request.id(), REQUEST_GROUP))
			.forJob(JobKey.jobKey(request.job(), GROUP))
			.usingJobData(ScheduledReportJob.REQUEST, request.id())
			.startNow()
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build());
	}

	/**
	 * Runs a registration in one transaction, and again (up to {@value #ATTEMPTS} times) when it collided with
	 * another node's.
	 */
	private void inTransaction(String what, Registration registration) throws SchedulerException {
		for (int attempt = 1;; attempt++) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					try {
						registration.run();
					}
					catch (SchedulerException ex) {
						throw new RegistrationFailed(ex);
					}
				});
				return;
			}
			catch (RegistrationFailed | DataAccessException ex) {
				SchedulerException cause = (ex instanceof RegistrationFailed failed) ? failed.cause
						: new SchedulerException("Cannot register " + what + ": " + ex.getMessage(), ex);
				if (attempt >= ATTEMPTS) {
					throw cause;
				}
				logger.info("Registering {} collided with another node ({}); trying again", what,
						cause.getMessage());
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) throws SchedulerException {
		try {
			Thread.sleep(100L * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchedulerException("Interrupted while registering the schedules", ex);
		}
	}

	/** A part of a registration, run in its transaction. */
	@FunctionalInterface
	private interface Registration {

		void run() throws SchedulerException;

	}

	/** Carries a {@link SchedulerException} out of the transaction callback. */
	private static final class RegistrationFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient SchedulerException cause;

		RegistrationFailed(SchedulerException cause) {
			super(cause.getMessage(), cause);
			this.cause = cause;
		}

	}

	private static boolean sameSchedule(Trigger existing, CronTrigger wanted) {
		return existing instanceof CronTrigger cron && cron.getCronExpression().equals(wanted.getCronExpression())
				&& cron.getTimeZone().getID().equals(wanted.getTimeZone().getID());
	}

}
