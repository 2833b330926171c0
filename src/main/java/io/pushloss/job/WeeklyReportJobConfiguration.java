package io.pushloss.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
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
	Job weeklyPushLossReport(JobRepository jobRepository, OperatorMessages operatorMessages,
			FailureNotificationListener failureNotification, RunMetrics runMetrics, GracefulStop gracefulStop,
			PdfWarmUpListener pdfWarmUp, Step fetchLossWindows,
			@Qualifier(ReportStepsConfiguration.AGGREGATE_STEP) Step aggregateWeekOverWeek,
			@Qualifier(ReportStepsConfiguration.EXCEL_STEP) Step renderExcel,
			@Qualifier(ReportStepsConfiguration.PDF_STEP) Step renderPdf,
			@Qualifier(ReportStepsConfiguration.DELIVER_STEP) Step deliver) {
		return new JobBuilder(JOB_NAME, jobRepository)
			.validator(new DefaultJobParametersValidator(
					new String[] { WeeklyReportParameters.JOB, WeeklyReportParameters.WEEK,
							WeeklyReportParameters.ZONE },
					new String[] { WeeklyReportParameters.REFRESH, WeeklyReportParameters.RESEND,
							WeeklyReportParameters.EMAIL }))
			// listeners run afterJob in reverse order: messages first, then the failure notification
			// gracefulStop tracks the live execution from beforeJob; runMetrics counts what ended
			.listener(gracefulStop)
			.listener(runMetrics)
			.listener(failureNotification)
			.listener(operatorMessages)
			// after gracefulStop, whose beforeJob may stop the launch before its first step: then no warm-up
			.listener(pdfWarmUp)
			.start(fetchLossWindows)
			.next(aggregateWeekOverWeek)
			.next(renderExcel)
			.next(renderPdf)
			.next(deliver)
			.build();
	}

}
