package io.pushloss.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.pushloss.domain.IsoWeek;

/**
 * One run (a Spring Batch job execution) of a report week, as {@code runs}, the health endpoint and the scheduler
 * report it.
 *
 * @param executionId the Spring Batch job execution id
 * @param job the job name
 * @param week the report week
 * @param status where the run stands
 * @param start when it started, or {@code null}
 * @param duration how long it ran, or {@code null} while running
 * @param windowsPlanned windows in the fetch plan (a window is one API, task group and period:
 * one call when nothing is retried)
 * @param windowsStored of those, windows in the store when the fetch step last ended or stopped (stored before or
 * by this run): equal to {@code windowsPlanned} once the fetch is complete
 * @param windowsFetched windows this execution fetched
 * @param calls HTTP requests this execution sent to the vendor, retried ones included
 * @param retriedCalls of those, the ones that repeated a request of the same window (0 for executions recorded
 * before they were counted)
 * @param partial whether the report was partial
 * @param forced whether it was a forced refresh
 * @param emailState what became of the email, or {@code null} before delivery
 * @param archivePath the archive folder, or {@code null} before delivery
 * @param headline the headline figures, or {@code null} before the analysis
 * @param message the exit description (the failure's operator message), or {@code null}
 * @param documents the documents written (summary.json, workbook, PDF), empty before the analysis
 * @param warnings what the operator should know about a run that wrote its documents (see {@link RunWarning})
 */
public record RunSummary(long executionId, String job, IsoWeek week, RunStatus status, Instant start,
		Duration duration, int windowsPlanned, int windowsStored, int windowsFetched, int calls, int retriedCalls,
		boolean partial, boolean forced, EmailState emailState, String archivePath, String headline, String message, List<Path> documents, List<RunWarning> warnings) {

	public RunSummary {
		documents = List.copyOf(documents);
		warnings = (warnings != null) ? List.copyOf(warnings) : List.of();
	}

	/** A run without warnings, none of whose calls was retried. */
	public RunSummary(long executionId, String job, IsoWeek week, RunStatus status, Instant start, Duration duration,
			int windowsPlanned, int windowsStored, int windowsFetched, int calls, boolean partial, boolean forced,
			EmailState emailState, String archivePath, String headline, String message, List<Path> documents) {
		this(executionId, job, week, status, start, duration, windowsPlanned, windowsStored, windowsFetched, calls, 0,
				partial, forced, emailState, archivePath, headline, message, documents, List.of());
	}

	/** When it ended, or {@code null} while running. */
	public Instant end() {
		return (this.start != null && this.duration != null) ? this.start.plus(this.duration) : null;
	}

}
