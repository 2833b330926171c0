package io.pushloss.job;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

/**
 * Finds the weeks of a job whose last run did not end: stopped (by a graceful shutdown or Ctrl-C) or still marked
 * running (by a process that died, or by one still running it).
 */
@Component
public class InterruptedRuns {

	private static final List<String> INTERRUPTED = List.of(BatchStatus.STOPPED.name(), BatchStatus.STARTING.name(),
			BatchStatus.STARTED.name(), BatchStatus.STOPPING.name());

	private final WeeklyReportExecutions executions;

	public InterruptedRuns(WeeklyReportExecutions executions) {
		this.executions = executions;
	}

	/** The job's weeks whose most recent execution (of any instance, forced or not) is stopped or running. */
	public List<InterruptedRun> of(JobDefinition job) {
		List<InterruptedRun> interrupted = new ArrayList<>();
		for (JobExecution execution : this.executions.lastOfEachWeek(job.name(), job.zone(), INTERRUPTED)) {
			interrupted.add(new InterruptedRun(job.name(), WeeklyReportParameters.from(execution.getJobParameters()).week(),
					execution.getId(), execution.getStatus(), instant(execution.getLastUpdated())));
		}
		interrupted.sort(Comparator.comparing(InterruptedRun::week));
		return interrupted;
	}

	/** The week's interrupted run, if its last execution is still the given one and still stopped or running. */
	public InterruptedRun find(JobDefinition job, IsoWeek week, long executionId) {
		return of(job).stream()
			.filter((run) -> run.week().equals(week) && run.executionId() == executionId)
			.findFirst()
			.orElse(null);
	}

	private static Instant instant(LocalDateTime time) {
		// Spring Batch records local date-times in the JVM's default zone
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

	/**
	 * A week whose last run did not end.
	 *
	 * @param job the job name
	 * @param week the report week
	 * @param executionId the execution
	 * @param status STOPPED, or STARTING / STARTED / STOPPING (marked running)
	 * @param lastUpdated when the execution was last written, or {@code null} when unknown
	 */
	public record InterruptedRun(String job, IsoWeek week, long executionId, BatchStatus status, Instant lastUpdated) {

		public InterruptedRun {
			Objects.requireNonNull(job, "job");
			Objects.requireNonNull(week, "week");
			Objects.requireNonNull(status, "status");
		}

		/** Whether it is marked running (rather than stopped). */
		public boolean markedRunning() {
			return this.status.isRunning();
		}

	}

}
