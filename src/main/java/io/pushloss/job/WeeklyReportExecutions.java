package io.pushloss.job;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.pushloss.domain.IsoWeek;

/**
 * Finds executions of the weekly job by job name and week with indexed queries on Spring Batch's tables (the
 * parameters are indexed by name and value, see migration V5), so that a run, the scheduler and the run history
 * never scan the whole job repository; the executions themselves are then read through the {@link JobRepository}.
 */
@Component
public class WeeklyReportExecutions {

	private static final String BY_JOB = " FROM BATCH_JOB_EXECUTION e"
			+ " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND i.JOB_NAME = :name"
			+ " JOIN BATCH_JOB_EXECUTION_PARAMS j ON j.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
			+ " AND j.PARAMETER_NAME = :jobKey AND j.PARAMETER_VALUE = :job";

	private static final String WITH_WEEK = " JOIN BATCH_JOB_EXECUTION_PARAMS w ON w.JOB_EXECUTION_ID ="
			+ " e.JOB_EXECUTION_ID AND w.PARAMETER_NAME = :weekKey";

	private static final String WITH_ZONE = " JOIN BATCH_JOB_EXECUTION_PARAMS z ON z.JOB_EXECUTION_ID ="
			+ " e.JOB_EXECUTION_ID AND z.PARAMETER_NAME = :zoneKey AND z.PARAMETER_VALUE = :zone";

	private final JdbcClient jdbc;

	private final JobRepository repository;

	public WeeklyReportExecutions(JdbcClient jdbc, JobRepository repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	/** The week's most recent execution of any instance (ordinary, forced or resend) for this job and zone. */
	public Optional<JobExecution> last(String job, IsoWeek week, ZoneId zone) {
		Long id = this.jdbc.sql("SELECT MAX(e.JOB_EXECUTION_ID)" + BY_JOB + WITH_WEEK + " AND w.PARAMETER_VALUE = :week"
				+ WITH_ZONE)
			.paramSource(parameters(job).week(week).zone(zone))
			.query(Long.class)
			.optional()
			.orElse(null);
		return Optional.ofNullable(id).map(this.repository::getJobExecution);
	}

	/** The most recent executions, newest first, of one job or (with {@code job} {@code null}) of all. */
	public List<JobExecution> recent(String job, int limit) {
		String sql = (job != null) ? "SELECT e.JOB_EXECUTION_ID" + BY_JOB
				: "SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e"
						+ " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND i.JOB_NAME = :name";
		return load(this.jdbc.sql(sql + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit")
			.paramSource(parameters(job).limit(limit))
			.query(Long.class)
			.list());
	}

	/**
	 * The job's weeks (in its zone) whose most recent execution has one of the statuses, one execution per week.
	 * @param statuses Spring Batch status names
	 */
	public List<JobExecution> lastOfEachWeek(String job, ZoneId zone, List<String> statuses) {
		return load(this.jdbc.sql("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e WHERE e.STATUS IN (:statuses)"
				+ " AND e.JOB_EXECUTION_ID IN (SELECT MAX(e.JOB_EXECUTION_ID)" + BY_JOB + WITH_WEEK + WITH_ZONE
				+ " GROUP BY w.PARAMETER_VALUE) ORDER BY e.JOB_EXECUTION_ID")
			.paramSource(parameters(job).zone(zone).statuses(statuses))
			.query(Long.class)
			.list());
	}

	private List<JobExecution> load(List<Long> ids) {
		return ids.stream().map(this.repository::getJobExecution).filter(Objects::nonNull).toList();
	}

	private static Parameters parameters(String job) {
		return new Parameters(job);
	}

	/** The named parameters of the queries above. */
	private static final class Parameters extends org.springframework.jdbc.core.namedparam.MapSqlParameterSource {

		Parameters(String job) {
			addValue("name", WeeklyReportJobConfiguration.JOB_NAME);
			addValue("jobKey", WeeklyReportParameters.jobParameterName());
			addValue("job", job);
			addValue("weekKey", WeeklyReportParameters.weekParameterName());
			addValue("zoneKey", WeeklyReportParameters.zoneParameterName());
		}

		Parameters week(IsoWeek week) {
			addValue("week", week.toString());
			return this;
		}

		Parameters zone(ZoneId zone) {
			addValue("zone", zone.getId());
			return this;
		}

		Parameters limit(int limit) {
			addValue("limit", limit);
			return this;
		}

		Parameters statuses(List<String> statuses) {
			addValue("statuses", statuses);
			return this;
		}

	}

}
