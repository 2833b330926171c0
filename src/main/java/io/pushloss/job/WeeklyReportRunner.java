package io.pushloss.job;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchCounts;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.job.WeekLocks.LockWait;
import io.pushloss.jobdef.JobDefinitionRegistry;

/**
 * Runs the {@code weeklyPushLossReport} job for a job definition and a week, in the calling thread.
 * <p>
 * An ordinary run is incremental and idempotent: a week whose last run completed is not run again, a week whose
 * last run failed or was stopped is restarted (it continues from the first window not committed), otherwise a new
 * run fetches only what the store lacks. A forced run is a new job instance that fetches every window again.
 * <p>
 * A week is run by one process at a time, on one node or several sharing a database: the runner holds the week's
 * lock ({@link WeekLocks}) while it runs it, so a run left marked running by a process that died (SIGKILL, power
 * loss) is recognised and continued by the next run.
 */
@Service
public class WeeklyReportRunner {

	private static final Logger logger = LoggerFactory.getLogger(WeeklyReportRunner.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JobOperator jobOperator;

	private final WeeklyReportExecutions executions;

	private final Job job;

	private final JobDefinitionRegistry registry;

	private final Clock clock;

	private final GracefulStop gracefulStop;

	private final WeekLocks locks;

	private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

	public WeeklyReportRunner(JobOperator jobOperator, WeeklyReportExecutions executions,
			@Qualifier(WeeklyReportJobConfiguration.JOB_NAME) Job job, JobDefinitionRegistry registry,
			Clock clock, GracefulStop gracefulStop, WeekLocks locks) {
		this.jobOperator = jobOperator;
		this.gracefulStop = gracefulStop;
		this.executions = executions;
		this.job = job;
		this.registry = registry;
		this.clock = clock;
		this.locks = locks;
	}

	/**
	 * Runs a week: a new run, the restart of a failed or stopped one, or nothing when the week is complete.
	 * @param force fetch every window again, as a new job instance, even when the week is complete
	 */
	public RunOutcome run(JobDefinition definition, IsoWeek week, boolean force) {
		return run(definition, week, new RunOptions(force, RunOptions.DEFAULT.email(), false));
	}

	/**
	 * Runs a week with options: a new run, the restart of a failed or stopped one (which keeps the options it was
	 * started with), or nothing when the week is complete and neither force nor resend is asked. A run left marked
	 * running by a process that died (killed, crashed) is marked failed and restarted.
	 */
	public RunOutcome run(JobDefinition definition, IsoWeek week, RunOptions options) {
		return run(definition, week, options, LockWait.NONE);
	}

	/**
	 * Runs a week with options as {@link #run(JobDefinition, IsoWeek, RunOptions)} does, waiting as told for the
	 * week's lock: {@link LockWait#TAKEOVER} when the scheduler saw the node that ran it die.
	 */
	public RunOutcome run(JobDefinition definition, IsoWeek week, RunOptions options, LockWait wait) {
		return exclusively(definition, week, wait, () -> {
			JobExecution last = lastExecution(definition, week);
			if (options.force() || options.resend()) {
				if (last != null && last.isRunning()) {
					// a dead process's leftover: it must not stay "running" for ever beside the new instance
					recoverStale(week, last);
				}
				return launch(week,
						WeeklyReportParameters.of(definition, week, this.clock.instant(), options).toJobParameters());
			}
			if (last == null) {
				return launch(week, WeeklyReportParameters.of(definition, week, null, options).toJobParameters());
			}
			return resume(definition, week, last);
		});
	}

	/**
	 * Restarts the week's last run when it failed or was stopped. A run still marked running that no live process
	 * runs is taken to have died with its process: it is marked failed and restarted.
	 */
	public RunOutcome restart(JobDefinition definition, IsoWeek week) {
		return restart(definition, week, LockWait.NONE);
	}

	/**
	 * Restarts the week's last run as {@link #restart(JobDefinition, IsoWeek)} does, waiting as told for the week's
	 * lock.
	 */
	public RunOutcome restart(JobDefinition definition, IsoWeek week, LockWait wait) {
		return exclusively(definition, week, wait, () -> {
			JobExecution last = lastExecution(definition, week);
			if (last == null) {
				return RunOutcome.nothingToRestart(week,
						"No run of " + week + " for job '" + definition.name() + "' to restart; use run");
			}
			return resume(definition, week, last);
		});
	}

	/**
	 * Runs {@code run} holding the week's lock: in this process ({@code runningHere}) and across processes and nodes
	 * that share the database ({@link WeekLocks}). While the lock is held, an execution marked running cannot belong
	 * to a live process.
	 */
	private RunOutcome exclusively(JobDefinition definition, IsoWeek week, LockWait wait, Supplier<RunOutcome> run) {
		String key = definition.name() + " " + week;
		if (!this.runningHere.add(key)) {
			return RunOutcome.alreadyRunning(week,
					week + " of job '" + definition.name() + "' is already running in this process");
		}
		try {
			Optional<WeekLocks.Held> lock = this.locks.tryAcquire(definition.name(), week, wait);
			if (lock.isEmpty()) {
				String holder = this.locks.holder(definition.name(), week)
					.map(WeekLockHolder::describe)
					.orElse("another process");
				return RunOutcome.alreadyRunning(week,
						"Week " + week + " of job '" + definition.name() + "' is being run by " + holder
								+ "; wait for it to end");
			}
			try (WeekLocks.Held held = lock.get()) {
				this.registry.register(definition);
				return run.get();
			}
		}
		finally {
			this.runningHere.remove(key);
		}
	}

	private RunOutcome resume(JobDefinition definition, IsoWeek week, JobExecution last) {
		BatchStatus status = last.getStatus();
		switch (status) {
			case COMPLETED:
				return RunOutcome.alreadyComplete(week, last.getId(),
						week + " already completed at " + describeTime(last, definition.zone())
								+ ": nothing to do, 0 API calls; use backfill --force to refresh");
			case FAILED:
			case STOPPED:
				return restartExecution(week, last);
			case STARTING:
			case STARTED:
			case STOPPING:
				return restartExecution(week, recoverStale(week, last));
			default:
				return RunOutcome.notStarted(week, last.getId(),
						"The last run of " + week + " (execution " + last.getId() + ") is " + status
								+ " and cannot be continued; use backfill --force to run the week again");
		}
	}

	/** Marks an execution left running by a dead process (we hold the week's lock) as failed. */
	private JobExecution recoverStale(IsoWeek week, JobExecution last) {
		logger.warn("Execution " + last.getId() + " of " + week + " is marked " + last.getStatus()
				+ " but no process is running it (its process died): marking it failed to continue it");
		return this.jobOperator.recover(last);
	}

	private RunOutcome launch(IsoWeek week, JobParameters parameters) {
		this.gracefulStop.launching();
		try {
			return outcome(week, this.jobOperator.start(this.job, parameters));
		}
		catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException
				| InvalidJobParametersException | JobRestartException ex) {
			return RunOutcome.notStarted(week, null,
					"Cannot start " + week + ": " + ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			// The job repository's unique key refused a second instance of the week: another process created it at
			// the same moment without holding the week's lock (the lock keeps our own processes apart). It runs it.
			logger.warn("Another process created the run of {} at the same moment: {}", week, ex.getMessage());
			return RunOutcome.alreadyRunning(week,
					week + " was started by another process at the same moment; wait for it to end");
		}
		finally {
			this.gracefulStop.launched();
		}
	}

	private RunOutcome restartExecution(IsoWeek week, JobExecution last) {
		logger.info("Restarting " + week + " (execution " + last.getId() + " " + last.getStatus() + ")");
		this.gracefulStop.launching();
		try {
			return outcome(week, this.jobOperator.restart(last));
		}
		catch (JobRestartException ex) {
			return RunOutcome.notStarted(week, last.getId(),
					"Cannot restart " + week + ": " + ex.getMessage());
		}
		finally {
			this.gracefulStop.launched();
		}
	}

	private RunOutcome outcome(IsoWeek week, JobExecution execution) {
		if (execution.isRunning()) {
			// The contract is a foreground run: the CLI reports and exits when run() returns.
			throw new IllegalStateException("Execution " + execution.getId() + " of " + week
					+ " is still running after JobOperator returned: a TaskExecutor made the launch asynchronous");
		}
		FetchCounts fetch = RunContext.fetchCounts(execution);
		int planned = fetch.windowsPlanned();
		int stored = fetch.windowsAlreadyStored();
		int fetched = fetch.windowsFetched();
		int calls = fetch.calls();
		RunOutcome.Status status = switch (execution.getStatus()) {
			case COMPLETED -> RunOutcome.Status.COMPLETED;
			case STOPPED -> RunOutcome.Status.STOPPED;
			default -> RunOutcome.Status.FAILED;
		};
		String message = switch (status) {
			case COMPLETED -> week + " completed: " + planned + " windows planned, " + stored + " already stored, "
					+ fetched + " fetched with " + RunOutcome.callsText(calls, fetch.retriedCalls());
			case STOPPED -> week + " stopped after " + fetched + " windows; run it again to continue";
			default -> failureMessage(execution);
		};
		return RunOutcome.ended(status, week, execution.getId(), planned, fetched, calls, fetch.retriedCalls(),
				message);
	}

	private static String failureMessage(JobExecution execution) {
		String message = OperatorMessages.of(execution.getAllFailureExceptions());
		if (message == null) {
			message = execution.getExitStatus().getExitDescription();
		}
		return (message == null || message.isBlank()) ? "the run ended " + execution.getStatus() : message;
	}

	/** The week's most recent execution of any instance (ordinary or forced) for this job file and zone. */
	private JobExecution lastExecution(JobDefinition definition, IsoWeek week) {
		return this.executions.last(definition.name(), week, definition.zone()).orElse(null);
	}

	private static String describeTime(JobExecution execution, ZoneId zone) {
		LocalDateTime time = (execution.getEndTime() != null) ? execution.getEndTime() : execution.getLastUpdated();
		if (time == null) {
			return "an unknown time";
		}
		// Spring Batch records local date-times in the JVM's default zone.
		return time.atZone(ZoneId.systemDefault()).withZoneSameInstant(zone).format(WHEN) + " " + zone.getId();
	}

}
