package io.pushloss.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.pushloss.domain.IsoWeek;
import io.pushloss.store.PlannedWindow;

/**
 * What {@link WeekOverWeekAnalyzer#analyze(ReportRequest)} computes a report for.
 *
 * @param jobName the job's name, shown in the report
 * @param sdkAppId the application whose stored rows are read
 * @param week the report week W
 * @param zone the job's zone (the week's days are shown in it)
 * @param baselineWeeks how many trailing weeks (W-1 back to W-n) form the baseline, at least 1
 * @param plannedWindows the windows the ingest plan needs for W and its baseline weeks; duplicates are ignored,
 * windows of one source and task must not overlap (that would count rows twice)
 * @param taskIds the push-to-all tasks broken down in the report, in the order shown; duplicates are ignored
 * @param generatedAt when the report is computed
 * @param displayName the report's human title ({@code null}: the job's name)
 * @param locale the language of the report's documents ({@code null}: English)
 */
public record ReportRequest(String jobName, long sdkAppId, IsoWeek week, ZoneId zone, int baselineWeeks,
		List<PlannedWindow> plannedWindows, List<String> taskIds, Instant generatedAt, String displayName,
		Locale locale) {

	public ReportRequest {
		Objects.requireNonNull(jobName, "jobName");
		displayName = (displayName == null || displayName.isBlank()) ? jobName : displayName;
		locale = (locale != null) ? locale : Locale.ENGLISH;
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(generatedAt, "generatedAt");
		if (baselineWeeks < 1) {
			throw new IllegalArgumentException("baselineWeeks must be at least 1 (W-1), was " + baselineWeeks);
		}
		plannedWindows = List.copyOf(new LinkedHashSet<>(plannedWindows));
		taskIds = List.copyOf(new LinkedHashSet<>(taskIds));
		IsoWeek oldest = week.minusWeeks(baselineWeeks);
		for (PlannedWindow window : plannedWindows) {
			if (window.week().compareTo(week) > 0 || window.week().compareTo(oldest) < 0) {
				throw new IllegalArgumentException("Planned window " + window + " is outside the report weeks "
						+ oldest + " to " + week);
			}
		}
		rejectOverlaps(plannedWindows);
	}

	/** A request for a report in English titled by the job's name. */
	public ReportRequest(String jobName, long sdkAppId, IsoWeek week, ZoneId zone, int baselineWeeks,
			List<PlannedWindow> plannedWindows, List<String> taskIds, Instant generatedAt) {
		this(jobName, sdkAppId, week, zone, baselineWeeks, plannedWindows, taskIds, generatedAt, null, null);
	}

	/** The report week (index 0) and the baseline weeks, W-1 first. */
	public List<IsoWeek> weeks() {
		List<IsoWeek> weeks = new ArrayList<>();
		for (int back = 0; back <= this.baselineWeeks; back++) {
			weeks.add(this.week.minusWeeks(back));
		}
		return weeks;
	}

	/** How many weeks before W a week is (0 for W, 1 for W-1). */
	int weekIndex(IsoWeek other) {
		return (int) java.time.temporal.ChronoUnit.WEEKS.between(other.monday(), this.week.monday());
	}

	private static void rejectOverlaps(List<PlannedWindow> windows) {
		List<PlannedWindow> sorted = new ArrayList<>(windows);
		sorted.sort(Comparator.comparing(PlannedWindow::source)
			.thenComparing(PlannedWindow::taskId)
			.thenComparingLong(PlannedWindow::start)
			.thenComparingLong(PlannedWindow::end));
		for (int i = 1; i < sorted.size(); i++) {
			PlannedWindow previous = sorted.get(i - 1);
			PlannedWindow current = sorted.get(i);
			if (previous.source() == current.source() && previous.taskId().equals(current.taskId())
					&& current.start() < previous.end()) {
				throw new IllegalArgumentException(
						"Planned windows overlap and would count rows twice: " + previous + " and " + current);
			}
		}
	}

}
