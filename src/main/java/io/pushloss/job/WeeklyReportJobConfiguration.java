package io.pushloss.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code weeklyPushLossReport} job: one instance per job file, report week and zone (plus one per forced
 * refresh), started and restarted by {@link WeeklyReportRunner}.
 */
@Configuration(proxyBeanMethods = false)
public class WeeklyReportJobConfiguration {

	/** The Spring Batch job name. */
	public static final String JOB_NAME = "weeklyPushLossReport";

	/** The first step: fetch what the store lacks. */
	public static final String FETCH_STEP = "fetchLossWindows";

	@Bean(JOB_NAME)
	Job weeklyPushLossReport(JobRepository jobRepository, OperatorMessages operatorMessages, Step fetchLossWindows) {
		return new JobBuilder(JOB_NAME, jobRepository)
			.validator(new DefaultJobParametersValidator(
					new String[] { WeeklyReportParameters.JOB, WeeklyReportParameters.WEEK,
							WeeklyReportParameters.ZONE },
					new String[] { WeeklyReportParameters.REFRESH }))
			.listener(operatorMessages)
			// The steps, in order. Append later steps here:
			// .next(aggregateWeekOverWeek).next(renderExcel).next(renderPdf).next(deliver)
			.start(fetchLossWindows)
			.build();
	}

}
