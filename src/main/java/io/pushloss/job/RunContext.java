package io.pushloss.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import io.pushloss.ingest.FetchCheckpoint;
import io.pushloss.ingest.FetchCounts;
import io.pushloss.ingest.FetchLossWindowsStepConfiguration;
import io.pushloss.report.ReportDocuments;

/**
 * The one owner of the keys this product keeps in Spring Batch's execution contexts: the fetch step's counts and
 * window in flight, and the job's generation time, partial flag, documents, headline, archive and email state.
 * Everything else reads and writes them through the typed methods here.
 */
@Component
public class RunContext implements FetchCheckpoint.Store {

	// fetch step execution context
	private static final String WINDOWS_PLANNED = "windowsPlanned";

	private static final String WINDOWS_ALREADY_STORED = "windowsAlreadyStored";

	private static final String WINDOWS_FETCHED = "windowsFetched";

	/** HTTP requests sent to the vendor, retries included (before this key existed: one per window attempted). */
	private static final String CALLS = "calls";

	/** Of those, the requests that repeated one of the same window; absent in older executions (read as 0). */
	private static final String RETRIED_CALLS = "retriedCalls";

	private static final String RETRIES = "retries";

	private static final String ROWS_STORED = "rowsStored";

	private static final String IN_FLIGHT = "inFlight";

	// job execution context
	private static final String GENERATED_AT = "generatedAt";

	private static final String PARTIAL = "partial";

	private static final String ARCHIVE_PATH = "archivePath";

	private static final String EMAIL_STATE = "emailState";

	private static final String HEADLINE = "headline";

	private static final String DOCUMENTS_PATH = "documentsPath";

	/** The PDF step's warnings, one "KIND message" per line (replaced when the step runs again). */
	private static final String PDF_WARNINGS = "pdfWarnings";

	@Override
	public FetchCheckpoint in(ExecutionContext context) {
		return new FetchCheckpoint() {

			@Override
			public String inFlight() {
				return context.getString(IN_FLIGHT, null);
			}

			@Override
			public void record(FetchCounts counts, String inFlight) {
				context.putInt(WINDOWS_PLANNED, counts.windowsPlanned());
				context.putInt(WINDOWS_ALREADY_STORED, counts.windowsAlreadyStored());
				context.putInt(WINDOWS_FETCHED, counts.windowsFetched());
				context.putInt(CALLS, counts.calls());
				context.putInt(RETRIED_CALLS, counts.retriedCalls());
				context.putInt(RETRIES, counts.retries());
				context.putLong(ROWS_STORED, counts.rowsStored());
				if (inFlight != null) {
					context.putString(IN_FLIGHT, inFlight);
				}
				else {
					context.remove(IN_FLIGHT);
				}
			}

		};
	}

	/** The counts of a fetch step execution. */
	public static FetchCounts fetchCounts(StepExecution step) {
		ExecutionContext context = step.getExecutionContext();
		return new FetchCounts(context.getInt(WINDOWS_PLANNED, 0), context.getInt(WINDOWS_ALREADY_STORED, 0),
				context.getInt(WINDOWS_FETCHED, 0), context.getInt(CALLS, 0), context.getInt(RETRIED_CALLS, 0),
				context.getInt(RETRIES, 0),
				context.getLong(ROWS_STORED, 0L));
	}

	/** The counts of the job execution's latest fetch step execution, {@link FetchCounts#NONE} without one. */
	public static FetchCounts fetchCounts(JobExecution execution) {
		return fetchStep(execution).map(RunContext::fetchCounts).orElse(FetchCounts.NONE);
	}

	/** The job execution's latest execution of the fetch step. */
	public static Optional<StepExecution> fetchStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> FetchLossWindowsStepConfiguration.STEP_NAME.equals(step.getStepName()))
			.max(Comparator.comparingLong(StepExecution::getId));
	}

	/** When the report was generated, recorded the first time it is asked for: a restart keeps it. */
	static Instant generatedAt(JobExecution execution, Instant now) {
		ExecutionContext context = execution.getExecutionContext();
		if (!context.containsKey(GENERATED_AT)) {
			context.putString(GENERATED_AT, now.toString());
		}
		return Instant.parse(context.getString(GENERATED_AT));
	}

	/** When the report was generated, or {@code null} before the analysis. */
	static Instant generatedAt(JobExecution execution) {
		String value = execution.getExecutionContext().getString(GENERATED_AT, null);
		return (value != null) ? Instant.parse(value) : null;
	}

	static void recordAnalysis(JobExecution execution, boolean partial, Path documents, String headline) {
		ExecutionContext context = execution.getExecutionContext();
		context.put(PARTIAL, partial);
		context.putString(DOCUMENTS_PATH, documents.toString());
		context.putString(HEADLINE, headline);
	}

	static void recordPartial(JobExecution execution, boolean partial) {
		execution.getExecutionContext().put(PARTIAL, partial);
	}

	static void recordArchive(JobExecution execution, String archivePath) {
		execution.getExecutionContext().putString(ARCHIVE_PATH, archivePath);
	}

	static void recordEmailState(JobExecution execution, EmailState email) {
		execution.getExecutionContext().putString(EMAIL_STATE, email.name());
	}

	static void recordDelivery(JobExecution execution, String archivePath, EmailState email) {
		ExecutionContext context = execution.getExecutionContext();
		context.putString(ARCHIVE_PATH, archivePath);
		context.putString(EMAIL_STATE, email.name());
	}

	/** The PDF step's warnings, replacing those of an earlier attempt of the step. */
	static void recordPdfWarnings(JobExecution execution, List<RunWarning> warnings) {
		recordPdfWarnings(execution.getExecutionContext(), warnings);
	}

	static void recordPdfWarnings(ExecutionContext context, List<RunWarning> warnings) {
		context.putString(PDF_WARNINGS, warnings.stream()
				.map((warning) -> warning.kind().name() + " " + warning.message())
				.collect(Collectors.joining("\n")));
	}

	static List<RunWarning> warnings(ExecutionContext context) {
		String lines = context.getString(PDF_WARNINGS, "");
		return lines.isEmpty() ? List.of() : lines.lines().map((line) -> {
			int space = line.indexOf(' ');
			return new RunWarning(RunWarning.Kind.valueOf(line.substring(0, space)), line.substring(space + 1));
		}).toList();
	}

	private static List<Path> documents(String directory, WeeklyReportParameters parameters) {
		if (directory == null) {
			return List.of();
		}
		Path reports = Path.of(directory).getParent().getParent();
		ReportDocuments documents = ReportDocuments.in(reports, parameters.job(), parameters.week().toString());
		return List.of(documents.summaryJson(), documents.excel(), documents.pdf());
	}

	/** What a job execution did, read from its parameters, status and execution contexts. */
	public static RunSummary summarize(JobExecution execution) {
		WeeklyReportParameters parameters = WeeklyReportParameters.from(execution.getJobParameters());
		FetchCounts fetch = fetchCounts(execution);
		ExecutionContext context = execution.getExecutionContext();
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = execution.getEndTime();
		Duration duration = (start != null && end != null) ? Duration.between(start, end) : null;
		String email = context.getString(EMAIL_STATE, null);
		String message = execution.getExitStatus().getExitDescription();
		return new RunSummary(execution.getId(), parameters.job(), parameters.week(),
				RunStatus.of(execution.getStatus()),
				// Spring Batch records local date-times in the JVM's default zone.
				(start != null) ? start.atZone(ZoneId.systemDefault()).toInstant() : null, duration,
				fetch.windowsPlanned(), Math.min(fetch.windowsPlanned(), fetch.windowsAlreadyStored() + fetch.windowsFetched()),
				fetch.windowsFetched(), fetch.calls(), fetch.retriedCalls(),
				Boolean.TRUE.equals(context.get(PARTIAL)), parameters.forced(),
				(email != null) ? EmailState.valueOf(email) : null, context.getString(ARCHIVE_PATH, null),
				context.getString(HEADLINE, null), (message == null || message.isBlank()) ? null : message,
				documents(context.getString(DOCUMENTS_PATH, null), parameters), warnings(context));
	}

}
