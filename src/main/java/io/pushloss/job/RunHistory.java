package io.pushloss.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Recent executions of the weekly job, newest first, for {@code runs} and the health endpoint.
 */
@Component
public class RunHistory {

	private final JobRepository repository;

	public RunHistory(JobRepository repository) {
		this.repository = repository;
	}

	/**
	 * The most recent executions, newest first.
	 * @param jobName only this job's runs, or {@code null} for all
	 * @param limit at most this many
	 */
	public List<RunRecord> recent(String jobName, int limit) {
		List<RunRecord> runs = new ArrayList<>();
		for (JobInstance instance : this.repository.findJobInstances(WeeklyReportJobConfiguration.JOB_NAME)) {
			for (JobExecution execution : this.repository.getJobExecutions(instance)) {
				String job = execution.getJobParameters().getString(WeeklyReportParameters.JOB);
				if (jobName == null || jobName.equals(job)) {
					runs.add(record(execution));
				}
			}
		}
		runs.sort(Comparator.comparingLong(RunRecord::executionId).reversed());
		return (runs.size() > limit) ? List.copyOf(runs.subList(0, limit)) : runs;
	}

	/** One execution, or {@code null} when there is no such execution. */
	public RunRecord of(long executionId) {
		JobExecution execution = this.repository.getJobExecution(executionId);
		return (execution != null) ? record(execution) : null;
	}

	private static RunRecord record(JobExecution execution) {
		ExecutionContext fetch = execution.getStepExecutions()
			.stream()
			.filter((step) -> WeeklyReportJobConfiguration.FETCH_STEP.equals(step.getStepName()))
			.max(Comparator.comparingLong(StepExecution::getId))
			.map(StepExecution::getExecutionContext)
			.orElseGet(ExecutionContext::new);
		ExecutionContext context = execution.getExecutionContext();
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = execution.getEndTime();
		Duration duration = (start != null && end != null) ? Duration.between(start, end) : null;
		boolean partial = context.containsKey(WeeklyReportSession.PARTIAL)
				&& Boolean.TRUE.equals(context.get(WeeklyReportSession.PARTIAL));
		String message = execution.getExitStatus().getExitDescription();
		return new RunRecord(execution.getId(), execution.getJobParameters().getString(WeeklyReportParameters.JOB),
				execution.getJobParameters().getString(WeeklyReportParameters.WEEK), execution.getStatus().name(),
				(start != null) ? start.atZone(ZoneId.systemDefault()).toInstant() : null, duration,
				fetch.getInt(FetchSession.WINDOWS_PLANNED, 0), fetch.getInt(FetchSession.WINDOWS_FETCHED, 0),
				fetch.getInt(FetchSession.CALLS, 0), partial,
				execution.getJobParameters().getParameter(WeeklyReportParameters.REFRESH) != null,
				context.getString(WeeklyReportSession.EMAIL_STATE, null),
				context.getString(WeeklyReportSession.ARCHIVE_PATH, null),
				context.getString(WeeklyReportSession.HEADLINE, null),
				(message == null || message.isBlank()) ? null : message);
	}

	/**
	 * One execution.
	 *
	 * @param executionId the Spring Batch job execution id
	 * @param job the job name
	 * @param week the report week
	 * @param status the batch status (COMPLETED, FAILED, STOPPED, STARTED, ...)
	 * @param start when it started, or {@code null}
	 * @param duration how long it ran, or {@code null} while running
	 * @param windowsPlanned windows in the fetch plan
	 * @param windowsFetched windows this execution fetched
	 * @param calls API calls of this execution
	 * @param partial whether the report was partial
	 * @param forced whether it was a forced refresh
	 * @param emailState SENT, ALREADY_SENT, NO_RECIPIENTS, DISABLED, or {@code null} before delivery
	 * @param archivePath the archive folder, or {@code null} before delivery
	 * @param headline the headline figures, or {@code null} before the analysis
	 * @param message the exit description (the failure's operator message), or {@code null}
	 */
	public record RunRecord(long executionId, String job, String week, String status, Instant start,
			Duration duration, int windowsPlanned, int windowsFetched, int calls, boolean partial, boolean forced,
			String emailState, String archivePath, String headline, String message) {

		/** When it ended, or {@code null} while running. */
		public Instant end() {
			return (this.start != null && this.duration != null) ? this.start.plus(this.duration) : null;
		}

	}

}
