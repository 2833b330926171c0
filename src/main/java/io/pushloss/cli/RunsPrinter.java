package io.pushloss.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.pushloss.job.RunHistory.RunRecord;

/**
 * Prints {@code runs}: a table for people, or JSON for scripts.
 */
final class RunsPrinter {

	private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.systemDefault());

	private RunsPrinter() {
	}

	static void print(List<RunRecord> runs, boolean json, PrintWriter out) {
		if (json) {
			out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(
					runs.stream().map(RunsPrinter::asMap).toList()));
		}
		else if (runs.isEmpty()) {
			out.println("No runs yet.");
		}
		else {
			String format = "%-6s %-20s %-9s %-10s %-16s %-9s %-9s %-6s %-8s %-13s %s%n";
			out.printf(format, "ID", "JOB", "WEEK", "STATUS", "START", "DURATION", "WINDOWS", "CALLS", "PARTIAL",
					"EMAIL", "ARCHIVE");
			for (RunRecord run : runs) {
				out.printf(format, run.executionId(), run.job(), run.week(), run.status() + (run.forced() ? "*" : ""),
						(run.start() != null) ? START.format(run.start()) : "-", duration(run.duration()),
						run.windowsFetched() + "/" + run.windowsPlanned(), run.calls(), run.partial() ? "yes" : "no",
						(run.emailState() != null) ? run.emailState() : "-",
						(run.archivePath() != null) ? SpringReportOperations.relative(run.archivePath()) : "-");
				if (run.message() != null && !"COMPLETED".equals(run.status())) {
					out.println("       " + run.message());
				}
			}
			if (runs.stream().anyMatch(RunRecord::forced)) {
				out.println("* forced refresh (backfill --force)");
			}
		}
		out.flush();
	}

	private static Map<String, Object> asMap(RunRecord run) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("executionId", run.executionId());
		map.put("job", run.job());
		map.put("week", run.week());
		map.put("status", run.status());
		map.put("start", (run.start() != null) ? run.start().toString() : null);
		map.put("durationSeconds", (run.duration() != null) ? run.duration().toMillis() / 1000.0 : null);
		map.put("windowsPlanned", run.windowsPlanned());
		map.put("windowsFetched", run.windowsFetched());
		map.put("calls", run.calls());
		map.put("partial", run.partial());
		map.put("forced", run.forced());
		map.put("email", run.emailState());
		map.put("archivePath", run.archivePath());
		map.put("headline", run.headline());
		map.put("message", run.message());
		return map;
	}

	private static String duration(Duration duration) {
		if (duration == null) {
			return "-";
		}
		long seconds = duration.toSeconds();
		return (seconds < 60) ? seconds + "s" : (seconds / 60) + "m" + String.format("%02d", seconds % 60) + "s";
	}

}
