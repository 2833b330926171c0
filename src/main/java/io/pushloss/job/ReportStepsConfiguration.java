package io.pushloss.job;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.pushloss.analysis.PlannedWindow;
import io.pushloss.analysis.SummaryJsonWriter;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.api.LossSource;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.delivery.ReportDelivery;
import io.pushloss.delivery.archive.ReportArchiver;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;
import io.pushloss.report.excel.ExcelReportWriter;
import io.pushloss.report.pdf.PdfReportWriter;
import io.pushloss.store.LossStore;

/**
 * The steps after {@code fetchLossWindows}, in run order: {@code aggregateWeekOverWeek} (the model and
 * summary.json), {@code renderExcel}, {@code renderPdf} and {@code deliver} (archive, then email). Each is a small
 * tasklet over a feature; a restart re-runs only the steps that did not complete.
 */
@Configuration(proxyBeanMethods = false)
class ReportStepsConfiguration {

	static final String AGGREGATE_STEP = "aggregateWeekOverWeek";

	static final String EXCEL_STEP = "renderExcel";

	static final String PDF_STEP = "renderPdf";

	static final String DELIVER_STEP = "deliver";

	private static final Logger logger = LoggerFactory.getLogger(ReportStepsConfiguration.class);

	@Bean(AGGREGATE_STEP)
	Step aggregateWeekOverWeek(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			SummaryJsonWriter summaryWriter) {
		return step(AGGREGATE_STEP, repository, tm, (execution) -> {
			WeeklyReport report = session.analyze(execution);
			ReportDocuments documents = session.documents(execution);
			summaryWriter.write(report, documents.summaryJson());
			execution.getExecutionContext().putString(WeeklyReportSession.DOCUMENTS_PATH,
					documents.directory().toString());
			execution.getExecutionContext().putString(WeeklyReportSession.HEADLINE, headline(report));
			logger.info("{} {}: {}", report.header().jobName(), report.header().week(), headline(report));
		});
	}

	@Bean(EXCEL_STEP)
	Step renderExcel(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			ExcelReportWriter writer, LossStore store) {
		return step(EXCEL_STEP, repository, tm, (execution) -> {
			WeeklyReport report = session.report(execution);
			JobDefinition job = session.job(execution);
			List<PlannedWindow> weekWindows = WeeklyReportSession.plannedWindows(job, report.header().week())
				.stream()
				.filter((window) -> window.week().equals(report.header().week()))
				.toList();
			try (PlannedWindowRawRows raw = new PlannedWindowRawRows(store, job.api().sdkAppId(), weekWindows)) {
				writer.write(report, raw, session.documents(execution).excel(), report.header().generatedAt());
			}
		});
	}

	@Bean(PDF_STEP)
	Step renderPdf(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			PdfReportWriter writer) {
		return step(PDF_STEP, repository, tm, (execution) -> {
			ReportDocuments documents = session.documents(execution);
			writer.write(session.report(execution), documents.pdf(), documents.vendorChartPng());
		});
	}

	@Bean(DELIVER_STEP)
	Step deliver(JobRepository repository, PlatformTransactionManager tm, WeeklyReportSession session,
			ReportDelivery delivery, ReportArchiver archiver) {
		return step(DELIVER_STEP, repository, tm, (execution) -> {
			JobDefinition job = session.job(execution);
			WeeklyReport report = session.report(execution);
			ReportDocuments documents = session.documents(execution);
			if (session.email(execution)) {
				ReportDelivery.Result result = delivery.deliver(job, report, documents, session.forced(execution),
						session.resend(execution));
				record(execution, result.archiveFolder().toString(), result.mail().status().name());
			}
			else {
				record(execution, archiver.archive(job, report.header().week(), documents, session.forced(execution))
					.toString(), "DISABLED");
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
		int anomalies = report.anomalies().size();
		line.append(", ").append(anomalies).append((anomalies == 1) ? " anomaly" : " anomalies");
		return report.partial() ? "[PARTIAL] " + line : line.toString();
	}

	private static void record(JobExecution execution, String archive, String email) {
		execution.getExecutionContext().putString(WeeklyReportSession.ARCHIVE_PATH, archive);
		execution.getExecutionContext().putString(WeeklyReportSession.EMAIL_STATE, email);
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
