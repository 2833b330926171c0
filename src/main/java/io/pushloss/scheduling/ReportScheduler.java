package io.pushloss.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.domain.IsoWeek;
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

	private final ReportRequests requests;

	private final TransactionTemplate transactions;

	private volatile List<JobDefinition> served = List.of();

	ReportScheduler(Scheduler scheduler, JobDefinitionRegistry definitions, InterruptedRuns interruptedRuns,
			RunMetrics metrics, ServeProperties properties, Clock clock, StoreDatabase database,
			PlatformTransactionManager transactionManager, ReportRequests requests) {
		this.scheduler = scheduler;
		this.transactions = new TransactionTemplate(transactionManager);
		// Quartz's job store uses the application's data source: its lock rows are held until this commits
		this.registrar = new ReportScheduleRegistrar(scheduler, this.transactions);
		this.requests = requests;
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

	/** A served job by name, or empty. */
	public Optional<JobDefinition> served(String name) {
		return this.served.stream().filter((job) -> job.name().equals(name)).findFirst();
	}

	/**
	 * The schedule of a served job as the Quartz store holds it now: its next firing and whether it is paused (on
	 * any node of a cluster).
	 */
	public ScheduleState state(JobDefinition job) throws SchedulerException {
		TriggerKey key = TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP);
		Trigger trigger = this.scheduler.getTrigger(key);
		boolean paused = trigger != null && this.scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
		Instant next = (trigger != null && trigger.getNextFireTime() != null && !paused)
				? trigger.getNextFireTime().toInstant() : null;
		return new ScheduleState(job.name(), job.schedule(), job.zone(), next, paused);
	}

	/**
	 * Pauses a job's schedule in the Quartz store (so it holds across restarts and on every node): its cron no
	 * longer fires; run-now and backfill requests still run. A firing missed while paused fires once on resume.
	 */
	public void pause(JobDefinition job) throws SchedulerException {
		this.scheduler.pauseTrigger(TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP));
		logger.info("Schedule of {} paused", job.name());
	}

	/** Resumes a paused schedule. */
	public void resume(JobDefinition job) throws SchedulerException {
		this.scheduler.resumeTrigger(TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP));
		logger.info("Schedule of {} resumed", job.name());
	}

	/**
	 * Queues a run-now or backfill request: the request's row and a one-off trigger of the job, in one transaction,
	 * so that any node may run it; it waits like any firing while a run of the job is in progress.
	 * @return the stored request (QUEUED)
	 */
	public ReportRequest submit(JobDefinition job, ReportRequest.Kind kind, IsoWeek from, IsoWeek to, boolean email,
			boolean force, String requestedBy) throws SchedulerException {
		ReportRequest request = new ReportRequest(UUID.randomUUID().toString(), kind, job.name(), from, to, email,
				force, requestedBy, this.clock.instant(), ReportRequest.State.QUEUED, null, null, null, List.of(),
				null);
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.requests.insert(request);
				try {
					this.registrar.scheduleRequest(request);
				}
				catch (SchedulerException ex) {
					throw new IllegalStateException("Cannot queue the request: " + ex.getMessage(), ex);
				}
			});
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof SchedulerException scheduling) {
				throw scheduling;
			}
			throw ex;
		}
		logger.info("{} of {} {} to {} requested by {} (request {})", kind, job.name(), from, to, requestedBy,
				request.id());
		return request;
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
	 * @param job the job name
	 * @param cron the Quartz cron expression
	 * @param zone the zone the cron is evaluated in
	 * @param nextFireTime the next firing, {@code null} when paused or when the cron never fires again
	 * @param paused whether the schedule is paused
	 */
	public record ScheduleState(String job, String cron, ZoneId zone, Instant nextFireTime, boolean paused) {
	}

	/**
	 * @param run the interrupted week
	 * @param at when it will be resumed (now for a stopped run)
	 */
	public record Resumption(InterruptedRun run, Instant at) {
	}

}
