package io.pushloss.job;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.pushloss.analysis.SummaryJsonWriter;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeekOverWeekAnalyzer;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.delivery.ReportDelivery;
import io.pushloss.delivery.archive.ReportArchiver;
import io.pushloss.delivery.mail.DeliveryException;
import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.domain.LossSource;
import io.pushloss.ingest.FetchSession;
import io.pushloss.ingest.FetchSessions;
import io.pushloss.ingest.ReportPlans;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionRegistry;
import io.pushloss.report.ReportDocuments;
import io.pushloss.report.excel.StoredWeekWorkbook;
import io.pushloss.report.pdf.PdfReportWriter;

/**
 * The steps after {@code fetchLossWindows}, in run order: {@code aggregateWeekOverWeek} (the model and
 * summary.json), {@code renderExcel}, {@code renderPdf} and {@code deliver} (archive, then email). Each is a small
 * tasklet over a feature; a restart re-runs only the steps that did not complete.
 */
@Configuration(proxyBeanMethods = false)
class ReportStepsConfiguration {

	/** Computes the report model and writes summary.json. */
	static final String AGGREGATE_STEP = "aggregateWeekOverWeek";

	static final String EXCEL_STEP = "renderExcel";

	static final String PDF_STEP = "renderPdf";

	static final String DELIVER_STEP = "deliver";

	private static final Logger logger = LoggerFactory.getLogger(ReportStepsConfiguration.class);

	/** The session of the running job execution: one per execution, dropped by Spring Batch when it ends. */
	@Bean
	@JobScope
	WeeklyReportSession weeklyReportSession(@Value("#{jobExecution}") JobExecution execution,
			JobDefinitionRegistry registry, WeekOverWeekAnalyzer analyzer, DataDirectoryProperties dataDirectory,
			Clock clock, ReportPlans plans) {
		JobDefinition job = registry.get(WeeklyReportParameters.from(execution.getJobParameters()).job());
		return new WeeklyReportSession(execution, job, analyzer, dataDirectory.absoluteDataDir().resolve("reports"),
				clock, plans);
	}

	/** The fetch step's session of the running step execution. */
	@Bean
	@StepScope
	FetchSession fetchSession(@Value("#{stepExecution}") StepExecution step, JobDefinitionRegistry registry,
			FetchSessions sessions) {
		WeeklyReportParameters parameters = WeeklyReportParameters.from(step.getJobParameters());
		return sessions.create(registry.get(parameters.job()), parameters.week(), parameters.zone(),
				parameters.refresh());
	}

	@Bean(AGGREGATE_STEP)
	Step aggregateWeekOverWeek(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			SummaryJsonWriter summaryWriter) {
		return step(AGGREGATE_STEP, repository, tm, (execution) -> {
			WeeklyReport report = session.analyze();
			ReportDocuments documents = session.documents();
			summaryWriter.write(report, documents.summaryJson());
			RunContext.recordAnalysis(execution, report.partial(), documents.directory(), headline(report));
			logger.info("{} {}: {}", report.header().jobName(), report.header().week(), headline(report));
		});
	}

	@Bean(EXCEL_STEP)
	Step renderExcel(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			StoredWeekWorkbook writer, ReportPlans plans) {
		return step(EXCEL_STEP, repository, tm, (execution) -> {
			WeeklyReport report = session.report();
			JobDefinition job = session.job();
			writer.write(report, job.api().sdkAppId(), plans.plannedWindowsOfWeek(job, report.header().week()),
					session.documents().excel(),
					report.header().generatedAt());
		});
	}

	@Bean(PDF_STEP)
	Step renderPdf(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			PdfReportWriter writer) {
		return step(PDF_STEP, repository, tm, (execution) -> {
			ReportDocuments documents = session.documents();
			writer.write(session.report(), documents.pdf(), documents.vendorChartPng());
		});
	}

	@Bean(DELIVER_STEP)
	Step deliver(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			ReportDelivery delivery, ReportArchiver archiver) {
		return step(DELIVER_STEP, repository, tm, (execution) -> {
			JobDefinition job = session.job();
			WeeklyReport report = session.report();
			ReportDocuments documents = session.documents();
			WeeklyReportParameters parameters = session.parameters();
			if (parameters.email()) {
				ReportDelivery.Result result;
				try {
					result = delivery.deliver(job, report, documents, parameters.forced(), parameters.resending(),
							(folder) -> RunContext.recordArchive(execution, folder.toString()));
				}
				catch (DeliveryException ex) {
					// the archive is complete; the email stays PENDING in the ledger for the next run or a restart
					RunContext.recordEmailState(execution, EmailState.FAILED);
					throw ex;
				}
				record(execution, result.archiveFolder().toString(), EmailState.of(result.mail().status()));
			}
			else {
				record(execution,
						archiver.archive(job, report.header().week(), documents, parameters.forced()).toString(),
						EmailState.DISABLED);
			}
		});
	}

	/** One line per source, for {@code run}'s result and {@code runs}. */
	static String headline(WeeklyReport report) {
		StringBuilder line = new StringBuilder();
		for (LossSource source : report.sources()) {
			WeekOverWeek counts = report.headline(source);
			line.append((line.length() > 0) ? "; " : "")
				.append(source.displayName())
				.append(' ')
				.append(String.format(Locale.ROOT, "%,d", counts.thisWeek()))
				.append(" lost (")
				.append(counts.percentLabel())
				.append(" WoW)");
		}
		// anomalous causes (vendor and code), each once whatever the sources: as the email counts them
		int anomalies = report.story().anomalies().size();
		line.append(", ").append(anomalies).append((anomalies == 1) ? " anomaly" : " anomalies");
		return report.partial() ? "[PARTIAL] " + line : line.toString();
	}

	private static void record(JobExecution execution, String archive, EmailState email) {
		RunContext.recordDelivery(execution, archive, email);
		logger.info("Archived in {}; email {}", archive, email);
	}

	private static Step step(String name, JobRepository repository, PlatformTransactionManager tm,
			ReportTask task) {
		Tasklet tasklet = (StepContribution contribution, ChunkContext chunk) -> {
			task.run(contribution.getStepExecution().getJobExecution());
			return RepeatStatus.FINISHED;
		};
		return new StepBuilder(name, repository).tasklet(tasklet, tm).build();
	}

	/** One step's work on the job execution. */
	@FunctionalInterface
	private interface ReportTask {

		void run(JobExecution execution) throws Exception;

	}

}
