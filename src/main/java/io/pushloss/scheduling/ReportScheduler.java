package io.pushloss.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.job.InterruptedRuns.InterruptedRun;
import io.pushloss.job.InterruptedRuns;
import io.pushloss.job.RunMetrics;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionRegistry;
import io.pushloss.store.StoreDatabase;

/**
 * Starts {@code serve}'s scheduling: registers the job definitions, makes the Quartz job store match them, starts
 * Quartz (misfired triggers fire once now) and schedules the resumption of interrupted weeks.
 */
@Component
public class ReportScheduler {

	private static final Logger logger = LoggerFactory.getLogger(ReportScheduler.class);

	private final Scheduler scheduler;

	private final ReportScheduleRegistrar registrar;

	private final JobDefinitionRegistry definitions;

	private final InterruptedRuns interruptedRuns;

	private final RunMetrics metrics;

	private final ServeProperties properties;

	private final Clock clock;

	private final boolean cluster;

	private volatile List<JobDefinition> served = List.of();

	ReportScheduler(Scheduler scheduler, JobDefinitionRegistry definitions, InterruptedRuns interruptedRuns,
			RunMetrics metrics, ServeProperties properties, Clock clock, StoreDatabase database,
			PlatformTransactionManager transactionManager) {
		this.scheduler = scheduler;
		// Quartz's job store uses the application's data source: its lock rows are held until this commits
		this.registrar = new ReportScheduleRegistrar(scheduler, new TransactionTemplate(transactionManager));
		this.definitions = definitions;
		this.interruptedRuns = interruptedRuns;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
		this.cluster = database.shared();
	}

	/**
	 * Schedules the jobs (and only these) and starts the scheduler.
	 * @return what is scheduled and which interrupted weeks will be resumed
	 */
	public Schedule start(List<JobDefinition> jobs) throws SchedulerException {
		for (JobDefinition job : jobs) {
			this.definitions.register(job);
			this.metrics.track(job);
		}
		this.registrar.register(jobs);
		this.served = List.copyOf(jobs);
		this.scheduler.start();
		List<ScheduledJob> scheduled = new ArrayList<>();
		List<Resumption> resumptions = new ArrayList<>();
		for (JobDefinition job : jobs) {
			Trigger trigger = this.scheduler
				.getTrigger(TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP));
			scheduled.add(new ScheduledJob(job.name(), job.schedule(), job.zone(),
					(trigger.getNextFireTime() != null) ? trigger.getNextFireTime().toInstant() : null));
			resumptions.addAll(scheduleResumptions(job));
		}
		return new Schedule(scheduled, resumptions);
	}

	/** The jobs being served, empty before {@link #start}. */
	public List<JobDefinition> served() {
		return this.served;
	}

	/**
	 * A stopped week is resumed at once. One marked running: on a shared database at once too, where the week's lock
	 * tells a live holder from a dead one; on one machine once it has not been updated for the stale time.
	 */
	private List<Resumption> scheduleResumptions(JobDefinition job) throws SchedulerException {
		List<Resumption> resumptions = new ArrayList<>();
		Instant now = this.clock.instant();
		for (InterruptedRun run : this.interruptedRuns.of(job)) {
			Instant at = now;
			if (run.markedRunning() && run.lastUpdated() != null && !this.cluster) {
				Instant stale = run.lastUpdated().plus(this.properties.staleRunAfter());
				at = stale.isAfter(now) ? stale : now;
			}
			this.registrar.scheduleResume(job, run, at);
			logger.info("Resuming {} of {} (execution {}, {}) at {}", run.week(), job.name(), run.executionId(),
					run.status(), at);
			resumptions.add(new Resumption(run, at));
		}
		return resumptions;
	}

	/**
	 * @param jobs one entry per served job
	 * @param resumptions interrupted weeks that will be resumed
	 */
	public record Schedule(List<ScheduledJob> jobs, List<Resumption> resumptions) {

		public Schedule {
			jobs = List.copyOf(jobs);
			resumptions = List.copyOf(resumptions);
		}

	}

	/**
	 * @param job the job name
	 * @param cron the Quartz cron expression
	 * @param zone the zone the cron is evaluated in
	 * @param nextFireTime the next firing, {@code null} when the cron never fires again
	 */
	public record ScheduledJob(String job, String cron, ZoneId zone, Instant nextFireTime) {

		public ScheduledJob {
			Objects.requireNonNull(job, "job");
			Objects.requireNonNull(cron, "cron");
			Objects.requireNonNull(zone, "zone");
		}

	}

	/**
	 * @param run the interrupted week
	 * @param at when it will be resumed (now for a stopped run)
	 */
	public record Resumption(InterruptedRun run, Instant at) {
	}

}
