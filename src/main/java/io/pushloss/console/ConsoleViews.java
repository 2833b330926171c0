package io.pushloss.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.pushloss.job.RunSummary;
import io.pushloss.runs.RunHistory.StepRun;
import io.pushloss.scheduling.ReportRequest;

/**
 * What the JSON API answers and the pages show: records of plain values, never a secret (no key, UserSig or
 * password is part of any of them).
 */
public final class ConsoleViews {

	private ConsoleViews() {
	}

	/**
	 * A served job.
	 *
	 * @param name the job name
	 * @param schedule the Quartz cron
	 * @param zone the zone it is evaluated in
	 * @param scheduleInWords the cron in words, with the zone
	 * @param nextFireTime the next firing, {@code null} when paused or never again
	 * @param nextRun the next firing in the job's zone, for people
	 * @param paused whether the schedule is paused
	 * @param lastCompleteWeek the last week that has ended in the job's zone (what run-now proposes)
	 * @param lastRun the most recent run, or {@code null}
	 */
	public record JobJson(String name, String schedule, String zone, String scheduleInWords, Instant nextFireTime,
			String nextRun, boolean paused, String lastCompleteWeek, RunJson lastRun) {

		static JobJson of(ConsoleJobs.JobView job) {
			return new JobJson(job.name(), job.definition().schedule(), job.definition().zone().getId(),
					job.scheduleInWords(), job.schedule().nextFireTime(), job.nextRun(), job.schedule().paused(),
					job.lastCompleteWeek().toString(), (job.lastRun() != null) ? RunJson.of(job.lastRun()) : null);
		}

	}

	/**
	 * A run of a week.
	 *
	 * @param id the Spring Batch job execution id
	 * @param job the job name
	 * @param week the report week
	 * @param status COMPLETED, FAILED, STOPPED, STARTED (or STARTING, STOPPING, ABANDONED, UNKNOWN)
	 * @param emailState what became of the email, {@code null} before delivery
	 * @param startedAt when it started
	 * @param endedAt when it ended, {@code null} while running
	 * @param duration how long it ran ({@code 2m05s}), empty while running
	 * @param windowsPlanned windows in the fetch plan
	 * @param windowsStored of those, windows in the store
	 * @param windowsFetched windows this run fetched
	 * @param windowsReused windows that were already stored (not fetched again)
	 * @param calls HTTP requests this run sent to the vendor, retries included
	 * @param retriedCalls of those, the ones that repeated a request of their window
	 * @param forced whether it was a forced refresh
	 * @param partial whether the report was partial
	 * @param headline the headline figures, {@code null} before the analysis
	 * @param message the failure's cause and remediation (or the exit description), {@code null} when none
	 * @param documents the names of the documents written
	 */
	public record RunJson(long id, String job, String week, String status, String emailState, Instant startedAt,
			Instant endedAt, String duration, int windowsPlanned, int windowsStored, int windowsFetched,
			int windowsReused, int calls, int retriedCalls, boolean forced, boolean partial, String headline, String message,
			List<String> documents) {

		static RunJson of(RunSummary run) {
			return new RunJson(run.executionId(), run.job(), run.week().toString(), run.status().name(),
					(run.emailState() != null) ? run.emailState().name() : null, run.start(), run.end(),
					ConsoleText.duration(run.duration()), run.windowsPlanned(), run.windowsStored(),
					run.windowsFetched(), Math.max(0, run.windowsStored() - run.windowsFetched()), run.calls(),
					run.retriedCalls(),
					run.forced(), run.partial(), run.headline(), run.message(),
					run.documents().stream().map((path) -> path.getFileName().toString()).toList());
		}

	}

	/**
	 * A run with its steps and progress.
	 *
	 * @param run the run
	 * @param steps its steps in the order they ran
	 * @param progress its fetch progress
	 */
	public record RunDetailJson(RunJson run, List<StepJson> steps, ProgressJson progress) {
	}

	/**
	 * One step of a run.
	 *
	 * @param name the step's name
	 * @param status where it stands
	 * @param startedAt when it started
	 * @param endedAt when it ended, {@code null} while running
	 * @param written items written (windows, for the fetch step)
	 */
	public record StepJson(String name, String status, Instant startedAt, Instant endedAt, long written) {

		static StepJson of(StepRun step) {
			return new StepJson(step.name(), step.status().name(), step.start(), step.end(), step.writeCount());
		}

	}

	/**
	 * How far a run is.
	 *
	 * @param running whether it is (marked) running
	 * @param status its status
	 * @param windowsDone windows of the plan in the store
	 * @param windowsTotal windows in the plan
	 * @param calls calls made so far
	 * @param callsPerSecond calls per second since it started
	 */
	public record ProgressJson(boolean running, String status, int windowsDone, int windowsTotal, int calls,
			double callsPerSecond) {

		static ProgressJson of(RunSummary run, Instant now) {
			Instant end = (run.end() != null) ? run.end() : now;
			double seconds = (run.start() != null) ? Math.max(1, Duration.between(run.start(), end).toMillis()) / 1000.0
					: 0;
			double rate = (seconds > 0) ? Math.round(run.calls() / seconds * 100) / 100.0 : 0;
			return new ProgressJson(run.status().running(), run.status().name(), run.windowsStored(),
					run.windowsPlanned(), run.calls(), rate);
		}

	}

	/**
	 * A run-now or backfill request.
	 *
	 * @param id its id
	 * @param kind RUN or BACKFILL
	 * @param job the job name
	 * @param from the first week
	 * @param to the last week
	 * @param email whether the runs email
	 * @param force whether weeks are fetched again
	 * @param requestedBy who asked
	 * @param requestedAt when
	 * @param state QUEUED, RUNNING, DONE, FAILED or STOPPED
	 * @param node the node that runs or ran it
	 * @param message the outcome of its last week
	 * @param runs the runs it made, with their locations
	 */
	public record RequestJson(String id, String kind, String job, String from, String to, boolean email,
			boolean force, String requestedBy, Instant requestedAt, String state, String node, String message,
			List<RequestRun> runs) {

		static RequestJson of(ReportRequest request, List<RunSummary> runs) {
			return new RequestJson(request.id(), request.kind().name(), request.job(), request.from().toString(),
					request.to().toString(), request.email(), request.force(), request.requestedBy(),
					request.requestedAt(), request.state().name(), request.node(), request.message(),
					runs.stream().map(RequestRun::of).toList());
		}

	}

	/**
	 * A run of a request.
	 *
	 * @param id the run's id
	 * @param week its week
	 * @param status its status
	 * @param location the API's address of the run
	 */
	public record RequestRun(long id, String week, String status, String location) {

		static RequestRun of(RunSummary run) {
			return new RequestRun(run.executionId(), run.week().toString(), run.status().name(),
					"/api/runs/" + run.executionId());
		}

	}

	/**
	 * An archived week of a job.
	 *
	 * @param job the job name
	 * @param week the week
	 * @param revision the latest archive revision (1 unless refreshed with different content)
	 * @param documents its documents
	 */
	public record WeekJson(String job, String week, int revision, List<DocumentJson> documents) {
	}

	/**
	 * An archived document.
	 *
	 * @param name the file name
	 * @param size bytes
	 * @param sha256 its SHA-256 as in the week's SHA256SUMS
	 * @param location the API's address to download it
	 */
	public record DocumentJson(String name, long size, String sha256, String location) {
	}

	/**
	 * One entry of the audit trail.
	 *
	 * @param at when
	 * @param user who
	 * @param action RUN, BACKFILL, PAUSE or RESUME
	 * @param target on what
	 */
	public record AuditJson(Instant at, String user, String action, String target) {
	}

}
