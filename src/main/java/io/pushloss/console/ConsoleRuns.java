package io.pushloss.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.pushloss.console.ConsoleViews.ProgressJson;
import io.pushloss.console.ConsoleViews.RequestJson;
import io.pushloss.console.ConsoleViews.RunDetailJson;
import io.pushloss.console.ConsoleViews.RunJson;
import io.pushloss.console.ConsoleViews.StepJson;
import io.pushloss.domain.IsoWeek;
import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;
import io.pushloss.runs.RunHistory;
import io.pushloss.scheduling.ReportRequest;
import io.pushloss.scheduling.ReportRequests;

/** The runs as the console lists and shows them, and the requests that made them. */
@Component
class ConsoleRuns {

	/** The most runs one list answers. */
	static final int MAX_LIMIT = 500;

	private final RunHistory history;

	private final ReportRequests requests;

	private final Clock clock;

	ConsoleRuns(RunHistory history, ReportRequests requests, Clock clock) {
		this.history = history;
		this.requests = requests;
		this.clock = clock;
	}

	/**
	 * The most recent runs, newest first, filtered.
	 * @param job only this job's, or {@code null}
	 * @param status only runs with this status, or {@code null}
	 * @param from only weeks from this one, or {@code null}
	 * @param to only weeks up to this one, or {@code null}
	 * @param limit at most this many (1 to {@value #MAX_LIMIT})
	 */
	List<RunJson> runs(String job, String status, String from, String to, int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		RunStatus wanted = status(status);
		IsoWeek first = blank(from) ? null : ConsoleJobs.week("from", from);
		IsoWeek last = blank(to) ? null : ConsoleJobs.week("to", to);
		if (first != null && last != null && first.compareTo(last) > 0) {
			throw new BadInputException("from", "from (" + first + ") is after to (" + last + ")");
		}
		boolean filtered = wanted != null || first != null || last != null;
		List<RunJson> runs = new ArrayList<>();
		for (RunSummary run : this.history.recent(blank(job) ? null : job, filtered ? MAX_LIMIT * 4 : limit)) {
			if ((wanted == null || run.status() == wanted) && (first == null || run.week().compareTo(first) >= 0)
					&& (last == null || run.week().compareTo(last) <= 0)) {
				runs.add(RunJson.of(run));
				if (runs.size() == limit) {
					break;
				}
			}
		}
		return runs;
	}

	/** One run with its steps and progress, or empty. */
	Optional<RunDetailJson> run(long id) {
		return this.history.of(id)
			.map((run) -> new RunDetailJson(RunJson.of(run),
					this.history.steps(id).stream().map(StepJson::of).toList(),
					ProgressJson.of(run, this.clock.instant())));
	}

	/** A request with the runs it made so far (and, while running, the run of its current week). */
	Optional<RequestJson> request(String id) {
		if (id == null || !id.matches("[0-9a-f-]{36}")) {
			return Optional.empty();
		}
		return this.requests.find(id).map((request) -> RequestJson.of(request, runsOf(request)));
	}

	/** The most recent requests, newest first. */
	List<RequestJson> requests(int limit) {
		return this.requests.recent(limit).stream().map((request) -> RequestJson.of(request, List.of())).toList();
	}

	private List<RunSummary> runsOf(ReportRequest request) {
		List<RunSummary> runs = new ArrayList<>();
		for (Long executionId : request.executionIds()) {
			this.history.of(executionId).ifPresent(runs::add);
		}
		if (request.state() == ReportRequest.State.RUNNING) {
			// the week being run: its latest run, when it started after the request
			for (RunSummary run : this.history.recent(request.job(), 5)) {
				if (run.status().running() && run.start() != null && !run.start().isBefore(
						request.requestedAt().minusSeconds(1))
						&& runs.stream().noneMatch((known) -> known.executionId() == run.executionId())) {
					runs.add(run);
				}
			}
		}
		return runs;
	}

	private static RunStatus status(String status) {
		if (blank(status)) {
			return null;
		}
		try {
			return RunStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadInputException("status", "status '" + ConsoleText.shorten(status)
					+ "' is none of COMPLETED, FAILED, STOPPED, STARTED, STARTING, STOPPING, ABANDONED, UNKNOWN");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
