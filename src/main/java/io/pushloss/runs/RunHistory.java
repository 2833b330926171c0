package io.pushloss.runs;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
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
		return Optional.ofNullable(this.repository.getJobExecution(executionId)).map(RunContext::summarize);
	}

}
