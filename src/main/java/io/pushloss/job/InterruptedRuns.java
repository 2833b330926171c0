package io.pushloss.job;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import io.pushloss.jobdef.JobDefinition;
import io.pushloss.week.IsoWeek;

/**
 * Finds the weeks of a job whose last run did not end: stopped (by a graceful shutdown or Ctrl-C) or still marked
 * running (by a process that died, or by one still running it).
 */
@Component
public class InterruptedRuns {

	private final JobRepository repository;

	public InterruptedRuns(JobRepository repository) {
		this.repository = repository;
	}

	/** The job's weeks whose most recent execution (of any instance, forced or not) is stopped or running. */
	public List<InterruptedRun> of(JobDefinition job) {
		Map<IsoWeek, JobExecution> last = new HashMap<>();
		for (JobInstance instance : this.repository.findJobInstances(WeeklyReportJobConfiguration.JOB_NAME)) {
			JobExecution execution = this.repository.getLastJobExecution(instance);
			if (execution == null) {
				continue;
			}
			JobParameters parameters = execution.getJobParameters();
			if (!job.name().equals(parameters.getString(WeeklyReportParameters.JOB))
					|| !job.zone().getId().equals(parameters.getString(WeeklyReportParameters.ZONE))) {
				continue;
			}
			IsoWeek week = IsoWeek.parse(parameters.getString(WeeklyReportParameters.WEEK));
			last.merge(week, execution, (a, b) -> (a.getId() > b.getId()) ? a : b);
		}
		List<InterruptedRun> interrupted = new ArrayList<>();
		last.forEach((week, execution) -> {
			BatchStatus status = execution.getStatus();
			if (status == BatchStatus.STOPPED || status.isRunning()) {
				interrupted.add(new InterruptedRun(job.name(), week, execution.getId(), status,
						instant(execution.getLastUpdated())));
			}
		});
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
