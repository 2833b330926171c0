package io.pushloss.job;

import java.time.Instant;

import io.pushloss.jobdef.JobDefinition;
import io.pushloss.week.IsoWeek;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of the {@code weeklyPushLossReport} job. Job, week and zone are identifying: one job instance per
 * job file name, week and zone, plus one per forced refresh ({@code refresh}) or resend ({@code resend}), which
 * carry the time they were asked for. {@code email} is not identifying: a restart keeps the option of the run it
 * continues.
 */
public final class WeeklyReportParameters {

	/** The job definition's name. */
	public static final String JOB = "job";

	/** The report week, {@code YYYY-Www}. */
	public static final String WEEK = "week";

	/** The zone the week is cut in. */
	public static final String ZONE = "zone";

	/** Forced refresh only: when it was asked for (epoch milliseconds); makes a new instance. */
	public static final String REFRESH = "refresh";

	/** Not identifying: whether to email the report ({@code true} unless the run said otherwise). */
	public static final String EMAIL = "email";

	/** Resend only: when it was asked for (epoch milliseconds); email even when the ledger says sent. */
	public static final String RESEND = "resend";

	private WeeklyReportParameters() {
	}

	/** The parameters of a run; {@code refresh} is {@code null} for an ordinary (incremental) run. */
	public static JobParameters of(JobDefinition job, IsoWeek week, Instant refresh) {
		return of(job, week, refresh, null, true);
	}

	/** The parameters of a run with its options; {@code now} stamps a forced refresh or a resend. */
	public static JobParameters of(JobDefinition job, IsoWeek week, Instant now, RunOptions options) {
		return of(job, week, options.force() ? now : null, options.resend() ? now : null, options.email());
	}

	private static JobParameters of(JobDefinition job, IsoWeek week, Instant refresh, Instant resend,
			boolean email) {
		JobParametersBuilder builder = new JobParametersBuilder().addString(JOB, job.name(), true)
			.addString(WEEK, week.toString(), true)
			.addString(ZONE, job.zone().getId(), true);
		if (refresh != null) {
			builder.addLong(REFRESH, refresh.toEpochMilli(), true);
		}
		if (resend != null) {
			builder.addLong(RESEND, resend.toEpochMilli(), true);
		}
		builder.addString(EMAIL, Boolean.toString(email), false);
		return builder.toJobParameters();
	}

	/** Whether parameters belong to a run of this job file, week and zone (forced or not). */
	public static boolean matches(JobParameters parameters, JobDefinition job, IsoWeek week) {
		return job.name().equals(parameters.getString(JOB)) && week.toString().equals(parameters.getString(WEEK))
				&& job.zone().getId().equals(parameters.getString(ZONE));
	}

}
