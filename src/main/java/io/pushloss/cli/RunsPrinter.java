package io.pushloss.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;

/**
 * Prints {@code runs}, newest first: a table for people (start times in this machine's zone, with its offset) or a
 * JSON array for scripts (ISO instants in UTC, raw states). WINDOWS is the run's windows in the store of its plan
 * (a window is one API, task group and period), so a complete run reads {@code 140/140} however many of
 * them earlier runs had stored; CALLS is what this run cost: the HTTP requests it sent to the vendor, with the retried
 * ones in brackets ({@code 47 (3 retried)}; {@code calls} and {@code retriedCalls} in JSON).
 */
final class RunsPrinter {

	private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

	private static final List<String> HEADER = List.of("ID", "JOB", "WEEK", "STATUS", "START", "DURATION",
			"WINDOWS", "CALLS", "PARTIAL", "EMAIL", "ARCHIVE");

	private RunsPrinter() {
	}

	/**
	 * @param runs the executions, newest first
	 * @param jobName the job asked for, or {@code null} for all (only for the "no runs" message)
	 */
	static void print(List<RunSummary> runs, String jobName, boolean json, PrintWriter out) {
		print(runs, jobName, json, out, ZoneId.systemDefault());
	}

	/** As {@link #print(List, String, boolean, PrintWriter)}, with start times in the given zone. */
	static void print(List<RunSummary> runs, String jobName, boolean json, PrintWriter out, ZoneId zone) {
		if (json) {
			out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(
					runs.stream().map(RunsPrinter::asMap).toList()));
		}
		else if (runs.isEmpty()) {
			out.println((jobName != null) ? "No runs of job '" + jobName + "' yet." : "No runs yet.");
		}
		else {
			printTable(runs, out, zone);
		}
		out.flush();
	}

	private static void printTable(List<RunSummary> runs, PrintWriter out, ZoneId zone) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(HEADER);
		for (RunSummary run : runs) {
			rows.add(List.of(Long.toString(run.executionId()), run.job(), run.week().toString(),
					run.status() + (run.forced() ? "*" : ""), (run.start() != null) ? START.format(run.start().atZone(zone)) : "-",
					(run.duration() != null) ? duration(run.duration()) : "-",
					run.windowsStored() + "/" + run.windowsPlanned(), callsCell(run),
					run.partial() ? "yes" : "no", email(run),
					(run.archivePath() != null) ? SpringReportOperations.relative(run.archivePath()).toString()
							: "-"));
		}
		int[] widths = new int[HEADER.size()];
		for (List<String> row : rows) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		for (int r = 0; r < rows.size(); r++) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < widths.length; i++) {
				String cell = rows.get(r).get(i);
				line.append(cell).append(" ".repeat((i < widths.length - 1) ? widths[i] - cell.length() + 2 : 0));
			}
			out.println(line.toString().stripTrailing());
			RunSummary run = (r > 0) ? runs.get(r - 1) : null;
			if (run != null && run.message() != null && run.status() != RunStatus.COMPLETED) {
				out.println("    " + run.message());
			}
		}
		if (runs.stream().anyMatch(RunSummary::forced)) {
			out.println("* forced refresh (backfill --force)");
		}
	}

	/** The email state in words; {@code pending} when the run has not reached delivery (yet). */
	private static String email(RunSummary run) {
		if (run.emailState() == null) {
			return (run.status() == RunStatus.COMPLETED) ? "-" : "pending";
		}
		return switch (run.emailState()) {
			case SENT -> "sent";
			case OUTBOX -> "outbox";
			case ALREADY_SENT -> "already sent";
			case ALREADY_IN_OUTBOX -> "in outbox";
			case DISABLED -> "not asked";
			case NO_RECIPIENTS -> "no recipients";
			case FAILED -> "failed (pending)";
		};
	}

	/** "44", or "47 (3 retried)" when some of the calls repeated an earlier request of their window. */
	private static String callsCell(RunSummary run) {
		return run.calls() + ((run.retriedCalls() > 0) ? " (" + run.retriedCalls() + " retried)" : "");
	}

	private static Map<String, Object> asMap(RunSummary run) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("executionId", run.executionId());
		map.put("job", run.job());
		map.put("week", run.week().toString());
		map.put("status", run.status().name());
		map.put("start", (run.start() != null) ? run.start().toString() : null);
		map.put("durationSeconds", (run.duration() != null) ? run.duration().toMillis() / 1000.0 : null);
		map.put("windowsPlanned", run.windowsPlanned());
		map.put("windowsStored", run.windowsStored());
		map.put("windowsFetched", run.windowsFetched());
		map.put("calls", run.calls());
		map.put("retriedCalls", run.retriedCalls());
		map.put("partial", run.partial());
		map.put("forced", run.forced());
		map.put("email", (run.emailState() != null) ? run.emailState().name() : null);
		map.put("archivePath", run.archivePath());
		map.put("headline", run.headline());
		map.put("message", run.message());
		map.put("warnings", run.warnings()
			.stream()
			.map((warning) -> Map.of("kind", warning.kind().name(), "message", warning.message()))
			.toList());
		return map;
	}

	/** {@code 42s}, {@code 2m05s}, {@code 1h02m}. */
	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s";
		}
		return (seconds / 3600) + "h" + String.format("%02d", (seconds % 3600) / 60) + "m";
	}

}
