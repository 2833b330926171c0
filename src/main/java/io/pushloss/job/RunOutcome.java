package io.pushloss.job;

import java.util.Objects;

import io.pushloss.domain.IsoWeek;

/**
 * What a run or restart of a report week did.
 *
 * @param status how it ended
 * @param week the report week
 * @param executionId the Spring Batch job execution, {@code null} when nothing was run
 * @param windowsPlanned windows in the plan (report week and baseline weeks); 0 when nothing was run or the fetch
 * step was already complete
 * @param windowsFetched windows fetched and committed by this execution
 * @param calls HTTP requests this execution sent to the vendor, retried ones included
 * @param retriedCalls of those, the ones that repeated a request of the same window
 * @param message operator-facing: the failure (never a stack trace) or what happened
 */
public record RunOutcome(Status status, IsoWeek week, Long executionId, int windowsPlanned, int windowsFetched,
		int calls, int retriedCalls, String message) {

	public RunOutcome {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(message, "message");
	}

	/** Nothing ran: {@code restart} found no run of the week. */
	public static RunOutcome nothingToRestart(IsoWeek week, String message) {
		return new RunOutcome(Status.NOTHING_TO_RESTART, week, null, 0, 0, 0, 0, message);
	}

	/** Nothing ran: the week is being run here or by another process. */
	public static RunOutcome alreadyRunning(IsoWeek week, String message) {
		return new RunOutcome(Status.ALREADY_RUNNING, week, null, 0, 0, 0, 0, message);
	}

	/** Nothing ran: the week's last run, execution {@code executionId}, had completed. */
	public static RunOutcome alreadyComplete(IsoWeek week, long executionId, String message) {
		return new RunOutcome(Status.ALREADY_COMPLETE, week, executionId, 0, 0, 0, 0, message);
	}

	/** Nothing ran: the run could not be started or continued ({@code executionId} {@code null} when none exists). */
	public static RunOutcome notStarted(IsoWeek week, Long executionId, String message) {
		return new RunOutcome(Status.FAILED, week, executionId, 0, 0, 0, 0, message);
	}

	/** An execution ended (completed, failed or stopped) with these counts. */
	public static RunOutcome ended(Status status, IsoWeek week, long executionId, int windowsPlanned,
			int windowsFetched, int calls, int retriedCalls, String message) {
		return new RunOutcome(status, week, executionId, windowsPlanned, windowsFetched, calls, retriedCalls, message);
	}

	/** "47 calls", or "47 calls (3 retried)" when some were retried. */
	public String callsText() {
		return callsText(this.calls, this.retriedCalls);
	}

	/** "1 call", "47 calls", or "47 calls (3 retried)" when some were retried. */
	public static String callsText(long calls, long retriedCalls) {
		return calls + ((calls == 1) ? " call" : " calls") + ((retriedCalls > 0) ? " (" + retriedCalls + " retried)" : "");
	}

	/** Whether the week's report is (now or already) complete. */
	public boolean succeeded() {
		return this.status == Status.COMPLETED || this.status == Status.ALREADY_COMPLETE;
	}

	/** How a run ended. */
	public enum Status {

		/** The job ran to the end. */
		COMPLETED,

		/** The job failed; running the week again continues from the first window not committed. */
		FAILED,

		/** The job was stopped; running the week again continues it. */
		STOPPED,

		/** Nothing ran: the week's last run had completed. */
		ALREADY_COMPLETE,

		/** Nothing ran: the week's last run is still marked running (here or in another process). */
		ALREADY_RUNNING,

		/** Nothing ran: {@code restart} found no run of the week. */
		NOTHING_TO_RESTART

	}

}
