package io.pushloss.runs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;

import io.pushloss.domain.IsoWeek;
import io.pushloss.job.RunContext;
import io.pushloss.job.RunStatus;
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
	 * The run history over a database opened without the application context (for {@code runs}): Spring Batch's
	 * job repository over the given data source, and nothing else of the application.
	 * @param dataSource the program's database, already migrated at least to the job repository's tables
	 */
	public static RunHistory direct(DataSource dataSource) {
		JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
		factory.setDataSource(dataSource);
		factory.setTransactionManager(new JdbcTransactionManager(dataSource));
		try {
			factory.afterPropertiesSet();
			JobRepository repository = factory.getObject();
			return new RunHistory(new WeeklyReportExecutions(JdbcClient.create(dataSource), repository), repository);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read Spring Batch's job repository: " + ex.getMessage(), ex);
		}
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
		return execution(executionId).map(RunContext::summarize);
	}

	/** The job execution, or empty when there is none with that id. */
	private Optional<JobExecution> execution(long executionId) {
		try {
			return Optional.ofNullable(this.repository.getJobExecution(executionId));
		}
		catch (EmptyResultDataAccessException ex) {
			return Optional.empty();
		}
	}

	/** The most recent run of a job's week (in the job's zone), or empty when the week never ran. */
	public Optional<RunSummary> last(String jobName, IsoWeek week, ZoneId zone) {
		return this.executions.last(jobName, week, zone).map(RunContext::summarize);
	}

	/** The steps of a run in the order they ran (a restarted step once per execution), empty for no such run. */
	public List<StepRun> steps(long executionId) {
		JobExecution execution = execution(executionId).orElse(null);
		if (execution == null) {
			return List.of();
		}
		return execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.map((step) -> new StepRun(step.getStepName(), RunStatus.of(step.getStatus()), instant(step.getStartTime()),
					instant(step.getEndTime()), step.getWriteCount(), step.getCommitCount()))
			.toList();
	}

	private static Instant instant(LocalDateTime time) {
		// Spring Batch records local date-times in the JVM's default zone.
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

	/**
	 * One step execution of a run.
	 *
	 * @param name the step's name
	 * @param status where it stands
	 * @param start when it started, or {@code null}
	 * @param end when it ended, or {@code null} while running
	 * @param writeCount items written (for the fetch step: windows committed)
	 * @param commitCount transactions committed
	 */
	public record StepRun(String name, RunStatus status, Instant start, Instant end, long writeCount,
			long commitCount) {
	}

}
