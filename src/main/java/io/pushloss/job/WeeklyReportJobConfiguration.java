package io.pushloss.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pushloss.ingest.FetchLossWindowsStepConfiguration;

/**
 * The {@code weeklyPushLossReport} job: one instance per job file, report week and zone (plus one per forced
 * refresh), started and restarted by {@link WeeklyReportRunner}.
 */
@Configuration(proxyBeanMethods = false)
public class WeeklyReportJobConfiguration {

	/** The Spring Batch job name. */
	public static final String JOB_NAME = "weeklyPushLossReport";

	@Bean(JOB_NAME)
	Job weeklyPushLossReport(JobRepository jobRepository, OperatorMessages operatorMessages,
			FailureNotificationListener failureNotification, RunMetrics runMetrics, GracefulStop gracefulStop,
			DocumentWarmUpListener documentWarmUp, RunStepRelay stepRelay,
			@Qualifier(FetchLossWindowsStepConfiguration.STEP_NAME) Step fetchLossWindows,
			@Qualifier(ReportStepsConfiguration.AGGREGATE_STEP) Step aggregateWeekOverWeek,
			@Qualifier(ReportStepsConfiguration.EXCEL_STEP) Step renderExcel,
			@Qualifier(ReportStepsConfiguration.PDF_STEP) Step renderPdf,
			@Qualifier(ReportStepsConfiguration.DELIVER_STEP) Step deliver) {
		// every step tells the run's step listeners (the command line's progress) when it starts and ends
		for (Step step : new Step[] { fetchLossWindows, aggregateWeekOverWeek, renderExcel, renderPdf, deliver }) {
			if (step instanceof AbstractStep listened) {
				listened.registerStepExecutionListener(stepRelay);
			}
		}
		return new JobBuilder(JOB_NAME, jobRepository)
			.validator(WeeklyReportParameters.validator())
			// listeners run afterJob in reverse order: messages first, then the failure notification
			// gracefulStop tracks the live execution from beforeJob; runMetrics counts what ended
			.listener(gracefulStop)
			.listener(runMetrics)
			.listener(failureNotification)
			.listener(operatorMessages)
			// after gracefulStop, whose beforeJob may stop the launch before its first step: then no warm-up
			.listener(documentWarmUp)
			.start(fetchLossWindows)
			.next(aggregateWeekOverWeek)
			.next(renderExcel)
			.next(renderPdf)
			.next(deliver)
			.build();
	}

}
