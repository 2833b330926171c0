package io.pushloss.job;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import io.pushloss.analysis.PlannedWindow;
import io.pushloss.analysis.ReportRequest;
import io.pushloss.analysis.WeekOverWeekAnalyzer;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.ingest.FetchWindow;
import io.pushloss.ingest.WindowPlanner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;
import io.pushloss.store.DataDirectoryProperties;
import io.pushloss.week.IsoWeek;

/**
 * What the steps after the fetch share about one job execution: the job definition, the week, the documents'
 * paths and the report model.
 * <p>
 * The model is computed once by {@code aggregateWeekOverWeek} and kept in memory for the rendering and delivery
 * steps. A restart in a new process recomputes it from the store with the generation time recorded in the job's
 * execution context, so the documents of a restarted run equal those of an uninterrupted one.
 */
@Component
public class WeeklyReportSession {

	/** Job execution context key: when the report was generated (ISO instant). */
	static final String GENERATED_AT = "generatedAt";

	/** Job execution context key: whether the report is partial. */
	static final String PARTIAL = "partial";

	/** Job execution context key: the archive folder. */
	static final String ARCHIVE_PATH = "archivePath";

	/** Job execution context key: the email's state (SENT, ALREADY_SENT, NO_RECIPIENTS, DISABLED). */
	static final String EMAIL_STATE = "emailState";

	/** Job execution context key: the headline figures, one line. */
	static final String HEADLINE = "headline";

	/** Job execution context key: the documents' folder. */
	static final String DOCUMENTS_PATH = "documentsPath";

	private final JobDefinitionRegistry registry;

	private final WeekOverWeekAnalyzer analyzer;

	private final DataDirectoryProperties dataDirectory;

	private final Clock clock;

	private final Map<Long, WeeklyReport> reports = new ConcurrentHashMap<>();

	public WeeklyReportSession(JobDefinitionRegistry registry, WeekOverWeekAnalyzer analyzer,
			DataDirectoryProperties dataDirectory, Clock clock) {
		this.registry = registry;
		this.analyzer = analyzer;
		this.dataDirectory = dataDirectory;
		this.clock = clock;
	}

	/** The job definition the execution runs. */
	public JobDefinition job(JobExecution execution) {
		return this.registry.get(execution.getJobParameters().getString(WeeklyReportParameters.JOB));
	}

	/** The execution's report week. */
	public IsoWeek week(JobExecution execution) {
		return IsoWeek.parse(execution.getJobParameters().getString(WeeklyReportParameters.WEEK));
	}

	/** Where the execution's documents are written: {@code <data-dir>/reports/<job>/<week>/}. */
	public ReportDocuments documents(JobExecution execution) {
		Path reports = this.dataDirectory.absoluteDataDir().resolve("reports");
		return ReportDocuments.in(reports, job(execution).name(), week(execution).toString());
	}

	/** Computes the report (the first time for this execution) and records its generation time. */
	public WeeklyReport analyze(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(GENERATED_AT)) {
			context.putString(GENERATED_AT, this.clock.instant().toString());
		}
		WeeklyReport report = compute(execution);
		this.reports.put(execution.getId(), report);
		context.put(PARTIAL, report.partial());
		return report;
	}

	/** The execution's report, recomputed when this process did not compute it (a restart). */
	public WeeklyReport report(JobExecution execution) {
		return this.reports.computeIfAbsent(execution.getId(), (id) -> compute(execution));
	}

	/** Forgets the execution's report (when the job ends). */
	public void release(JobExecution execution) {
		this.reports.remove(execution.getId());
	}

	/** Whether the run asked for email. */
	public boolean email(JobExecution execution) {
		return flag(execution.getJobParameters(), WeeklyReportParameters.EMAIL, true);
	}

	/** Whether the run asked to resend. */
	public boolean resend(JobExecution execution) {
		return execution.getJobParameters().getParameter(WeeklyReportParameters.RESEND) != null;
	}

	/** Whether the run is a forced refresh. */
	public boolean forced(JobExecution execution) {
		return execution.getJobParameters().getParameter(WeeklyReportParameters.REFRESH) != null;
	}

	private WeeklyReport compute(JobExecution execution) {
		JobDefinition job = job(execution);
		IsoWeek week = week(execution);
		String generatedAt = execution.getExecutionContext().getString(GENERATED_AT, null);
		Instant generated = (generatedAt != null) ? Instant.parse(generatedAt) : this.clock.instant();
		return this.analyzer.analyze(new ReportRequest(job.name(), job.api().sdkAppId(), week, job.zone(),
				job.baselineWeeks(), plannedWindows(job, week), job.sources().allMemberTasks(), generated));
	}

	/** The fetch plan of the week and its baseline, one planned window per task. */
	static List<PlannedWindow> plannedWindows(JobDefinition job, IsoWeek week) {
		return WindowPlanner.plan(job, week)
			.stream()
			.flatMap((FetchWindow window) -> window.taskKeys()
				.stream()
				.map((task) -> new PlannedWindow(window.week(), window.source(), task, window.start(), window.end())))
			.toList();
	}

	private static boolean flag(JobParameters parameters, String name, boolean fallback) {
		String value = parameters.getString(name);
		return (value != null) ? Boolean.parseBoolean(value) : fallback;
	}

}
