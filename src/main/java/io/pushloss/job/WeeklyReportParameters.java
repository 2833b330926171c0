package io.pushloss.job;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

/**
 * The typed parameters of one run of the {@code weeklyPushLossReport} job, and their one codec to and from Spring
 * Batch's {@link JobParameters}. Job, week and zone are identifying: one job instance per job file name, week and
 * zone, plus one per forced refresh ({@code refresh}) or resend ({@code resend}), which carry the time they were
 * asked for. {@code email} is not identifying: a restart keeps the option of the run it continues.
 *
 * @param job the job definition's name
 * @param week the report week
 * @param zone the zone the week is cut in
 * @param refresh for a forced refresh, when it was asked for (makes a new instance); otherwise {@code null}
 * @param resend for a resend, when it was asked for (email even when the ledger says sent); otherwise {@code null}
 * @param email whether to email the report
 */
public record WeeklyReportParameters(String job, IsoWeek week, ZoneId zone, Instant refresh, Instant resend,
		boolean email) {

	private static final String JOB = "job";

	private static final String WEEK = "week";

	private static final String ZONE = "zone";

	private static final String REFRESH = "refresh";

	private static final String EMAIL = "email";

	private static final String RESEND = "resend";

	public WeeklyReportParameters {
		Objects.requireNonNull(job, "job");
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(zone, "zone");
	}

	/** The parameters of an ordinary (incremental) run that emails. */
	public static WeeklyReportParameters of(JobDefinition job, IsoWeek week) {
		return new WeeklyReportParameters(job.name(), week, job.zone(), null, null, true);
	}

	/** The parameters of a run with its options; {@code now} stamps a forced refresh or a resend. */
	public static WeeklyReportParameters of(JobDefinition job, IsoWeek week, Instant now, RunOptions options) {
		return new WeeklyReportParameters(job.name(), week, job.zone(), options.force() ? now : null,
				options.resend() ? now : null, options.email());
	}

	/**
	 * Decodes the parameters of an execution. The email flag of executions recorded before it became a boolean
	 * parameter is the string {@code "true"} or {@code "false"}, and is read as such.
	 */
	public static WeeklyReportParameters from(JobParameters parameters) {
		Long refresh = parameters.getLong(REFRESH);
		Long resend = parameters.getLong(RESEND);
		JobParameter<?> email = parameters.getParameter(EMAIL);
		return new WeeklyReportParameters(parameters.getString(JOB), IsoWeek.parse(parameters.getString(WEEK)),
				ZoneId.of(parameters.getString(ZONE)), (refresh != null) ? Instant.ofEpochMilli(refresh) : null,
				(resend != null) ? Instant.ofEpochMilli(resend) : null,
				(email == null) || Boolean.parseBoolean(String.valueOf(email.value())));
	}

	/** Spring Batch's parameters of this run. */
	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addString(JOB, this.job, true)
			.addString(WEEK, this.week.toString(), true)
			.addString(ZONE, this.zone.getId(), true);
		if (this.refresh != null) {
			builder.addLong(REFRESH, this.refresh.toEpochMilli(), true);
		}
		if (this.resend != null) {
			builder.addLong(RESEND, this.resend.toEpochMilli(), true);
		}
		builder.addJobParameter(EMAIL, this.email, Boolean.class, false);
		return builder.toJobParameters();
	}

	/** Whether this is a forced refresh. */
	public boolean forced() {
		return this.refresh != null;
	}

	/** Whether this run was asked to email even when the ledger says sent. */
	public boolean resending() {
		return this.resend != null;
	}

	/** Whether these parameters run this job file's week in its zone (forced or not). */
	public boolean matches(JobDefinition definition, IsoWeek other) {
		return this.job.equals(definition.name()) && this.week.equals(other) && this.zone.equals(definition.zone());
	}

	/** Checks that an execution's parameters carry the required keys and no unknown one. */
	static JobParametersValidator validator() {
		return new DefaultJobParametersValidator(new String[] { JOB, WEEK, ZONE },
				new String[] { REFRESH, RESEND, EMAIL });
	}

	/** The name of the parameter that holds the job definition's name (for queries on the job repository). */
	static String jobParameterName() {
		return JOB;
	}

	/** The name of the parameter that holds the report week (for queries on the job repository). */
	static String weekParameterName() {
		return WEEK;
	}

	/** The name of the parameter that holds the zone (for queries on the job repository). */
	static String zoneParameterName() {
		return ZONE;
	}

}
