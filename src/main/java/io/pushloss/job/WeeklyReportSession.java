package io.pushloss.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.job.JobExecution;

import io.pushloss.analysis.ReportRequest;
import io.pushloss.analysis.WeekOverWeekAnalyzer;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.PrivateFiles;
import io.pushloss.ingest.ReportPlans;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;

/**
 * What the steps after the fetch share about one job execution (job-scoped: Spring Batch makes one per execution
 * and drops it when the execution ends): the job definition, the typed parameters, the documents' paths and the
 * report model.
 * <p>
 * The model is computed once by {@code aggregateWeekOverWeek} and kept for the rendering and delivery steps. A
 * restart in a new process recomputes it from the store with the generation time recorded in the job's execution
 * context, so the documents of a restarted run equal those of an uninterrupted one.
 */
public class WeeklyReportSession {

	private final JobExecution execution;

	private final WeeklyReportParameters parameters;

	private final JobDefinition job;

	private final WeekOverWeekAnalyzer analyzer;

	private final Path reportsDirectory;

	private final Clock clock;

	private final ReportPlans plans;

	private WeeklyReport report;

	WeeklyReportSession(JobExecution execution, JobDefinition job, WeekOverWeekAnalyzer analyzer,
			Path reportsDirectory, Clock clock, ReportPlans plans) {
		this.plans = plans;
		this.execution = execution;
		this.parameters = WeeklyReportParameters.from(execution.getJobParameters());
		this.job = job;
		this.analyzer = analyzer;
		this.reportsDirectory = reportsDirectory;
		this.clock = clock;
	}

	/** The job definition the execution runs. */
	public JobDefinition job() {
		return this.job;
	}

	/** The execution's parameters. */
	public WeeklyReportParameters parameters() {
		return this.parameters;
	}

	/**
	 * Where the execution's documents are written: {@code <data-dir>/reports/<job>/<week>/}, created owner-only and
	 * checked, each time a step asks, to be a real directory below the reports folder (a symbolic link planted for
	 * the job or the week would send the documents elsewhere, or feed other files to the archive and the email).
	 * @throws UncheckedIOException naming the path when a folder on the way is a link or not a directory
	 */
	public ReportDocuments documents() {
		ReportDocuments documents = ReportDocuments.in(this.reportsDirectory, this.job.name(),
				this.parameters.week().toString());
		try {
			PrivateFiles.directoryUnder(this.reportsDirectory, documents.directory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the documents of " + this.job.name() + " "
					+ this.parameters.week() + " into " + documents.directory() + ": " + ex.getMessage(), ex);
		}
		return documents;
	}

	/** Computes the report (the first time for this execution) and records its generation time. */
	public synchronized WeeklyReport analyze() {
		RunContext.generatedAt(this.execution, this.clock.instant());
		this.report = compute();
		return this.report;
	}

	/** The execution's report, recomputed when this process did not compute it (a restart). */
	public synchronized WeeklyReport report() {
		if (this.report == null) {
			this.report = compute();
		}
		return this.report;
	}

	private WeeklyReport compute() {
		IsoWeek week = this.parameters.week();
		return this.analyzer.analyze(new ReportRequest(this.job.name(), this.job.api().sdkAppId(), week,
				this.job.zone(), this.job.baselineWeeks(), this.plans.plannedWindows(this.job, week),
				this.job.sources().allMemberTasks(), RunContext.generatedAt(this.execution, this.clock.instant()),
				this.job.displayName(), this.job.locale()));
	}

}
