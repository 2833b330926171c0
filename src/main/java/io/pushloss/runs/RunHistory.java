package io.pushloss.runs;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import io.pushloss.job.RunContext;
import io.pushloss.job.RunSummary;
import io.pushloss.job.WeeklyReportExecutions;

/**
 * Past and running executions of the weekly job, newest first, for {@code runs}, the health endpoint and the
 * scheduler. Every question is answered by job name (and week) through indexed queries, never by reading the whole
 * job repository.
 */
@Component
public class RunHistory {

	private final WeeklyReportExecutions executions;

	private final JobRepository repository;

	public RunHistory(WeeklyReportExecutions executions, JobRepository repository) {
		this.executions = executions;
		this.repository = repository;
	}

	/**
	 * The most recent runs, newest first.
	 * @param jobName only this job's runs, or {@code null} for all
	 * @param limit at most this many
	 */
	public List<RunSummary> recent(String jobName, int limit) {
		return this.executions.recent(jobName, limit).stream().map(RunContext::summarize).toList();
	}

	/** One run, or empty when there is no such execution. */
	public Optional<RunSummary> of(long executionId) {
		return Optional.ofNullable(this.repository.getJobExecution(executionId)).map(RunContext::summarize);
	}

}
