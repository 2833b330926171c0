package io.pushloss.ingest;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pushloss.api.LossQuery;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.store.FetchWindow;
import io.pushloss.store.PlannedWindow;
import io.pushloss.store.StoredWindow;

/**
 * Cuts the weeks a report needs into the windows the vendor is asked for.
 * <p>
 * <b>The call budget.</b> The report week is cut into ranges of the job's {@code window}; each baseline week into
 * one range of {@link #BASELINE_WINDOW} (seven days), since the report shows baseline weeks only as weekly totals,
 * or into days when the job asks for daily detail ({@code baseline-detail: daily}).
 * Weeks already stored at another granularity are not fetched again (see {@code WindowCoverage}) and are summed
 * as they are stored (see {@link #resolve}).
 * <p>
 * Each week (Monday 00:00 to the next Monday 00:00 in the job's zone) is cut into ranges of its window (one to
 * seven days) that start at local midnight; the last range of a week is shortened so that no
 * range crosses the week boundary. A range longer than the API's 604,800 s limit (a seven-day range in a week with
 * a 25-hour day, such as the autumn week in America/Los_Angeles) is split in two at a local midnight. Each range is
 * asked once for overall statistics, once per group of up to five TaskIDs (in job-file order) and, when the job
 * reads it, once for normal push. The plan is deterministic: the same job and week always give the same list.
 */
public final class WindowPlanner {

	/** The window of a baseline week: the whole week, one call per API and task group. */
	public static final Period BASELINE_WINDOW = Period.ofDays(7);

	private WindowPlanner() {
	}

	/**
	 * The windows for a report week: week {@code reportWeek} and the job's {@code baselineWeeks} weeks before it,
	 * oldest week first.
	 */
	public static List<FetchWindow> plan(JobDefinition job, IsoWeek reportWeek) {
		List<FetchWindow> windows = new ArrayList<>();
		for (IsoWeek week : weeks(job, reportWeek)) {
			windows.addAll(planWeek(job, week, week.equals(reportWeek) ? job.window() : job.baselineDetail().window()));
		}
		return List.copyOf(windows);
	}

	/** The weeks a report week needs, oldest first, ending with {@code reportWeek}. */
	public static List<IsoWeek> weeks(JobDefinition job, IsoWeek reportWeek) {
		if (job.baselineWeeks() < 0) {
			throw new IllegalArgumentException("baselineWeeks " + job.baselineWeeks() + " is negative");
		}
		List<IsoWeek> weeks = new ArrayList<>();
		for (int back = job.baselineWeeks(); back >= 0; back--) {
			weeks.add(reportWeek.minusWeeks(back));
		}
		return List.copyOf(weeks);
	}

	/**
	 * The plan of a report week and its baseline as the analysis sums it: one planned window per fetch window and
	 * task.
	 */
	public static List<PlannedWindow> plannedWindows(JobDefinition job, IsoWeek reportWeek) {
		return plan(job, reportWeek).stream()
			.flatMap((window) -> window.taskKeys()
				.stream()
				.map((task) -> new PlannedWindow(window.week(), window.source(), task, window.start(), window.end())))
			.toList();
	}

	/** The planned windows of the report week alone (those of the Raw sheet), one per fetch window and task. */
	public static List<PlannedWindow> plannedWindowsOfWeek(JobDefinition job, IsoWeek reportWeek) {
		return plannedWindows(job, reportWeek).stream().filter((window) -> window.week().equals(reportWeek)).toList();
	}

	/**
	 * The windows of one week, in time order; within a range: overall statistics, the task groups, normal push.
	 * Analysis uses this to check that a week is completely stored.
	 */
	public static List<FetchWindow> planWeek(JobDefinition job, IsoWeek week) {
		return planWeek(job, week, job.window());
	}

	/** The windows of one week cut into ranges of {@code window}, in time order (see {@link #planWeek}). */
	public static List<FetchWindow> planWeek(JobDefinition job, IsoWeek week, Period window) {
		List<List<String>> taskGroups = taskGroups(job.sources().allMemberTasks());
		List<FetchWindow> windows = new ArrayList<>();
		for (long[] range : ranges(week, job.zone(), window)) {
			windows.add(new FetchWindow(week, LossSource.ALL_MEMBER, List.of(), range[0], range[1]));
			for (List<String> group : taskGroups) {
				windows.add(new FetchWindow(week, LossSource.ALL_MEMBER, group, range[0], range[1]));
			}
			if (job.sources().normal()) {
				windows.add(new FetchWindow(week, LossSource.NORMAL, List.of(), range[0], range[1]));
			}
		}
		return List.copyOf(windows);
	}

	/**
	 * The time ranges {@code [start, end)} (epoch seconds) a week is cut into, in time order. They cover the week
	 * exactly, with no gap and no overlap.
	 */
	public static List<long[]> ranges(IsoWeek week, ZoneId zone, Period window) {
		int days = windowDays(window);
		LocalDate weekEnd = week.monday().plusWeeks(1);
		List<long[]> ranges = new ArrayList<>();
		for (LocalDate day = week.monday(); day.isBefore(weekEnd);) {
			LocalDate next = day.plusDays(days);
			if (next.isAfter(weekEnd)) {
				next = weekEnd;
			}
			addWithinLimit(ranges, day, next, zone);
			day = next;
		}
		return ranges;
	}

	/**
	 * The planned windows as the store holds them, so that a week stored at another granularity is summed whole
	 * and not reported PARTIAL: for each week, source and task whose planned windows are not all stored, but whose
	 * stored windows cover the week's planned range end to end without overlap, those stored windows replace the
	 * planned ones (the longest first, so a week stored both weekly and daily is summed once). Anything else is
	 * left as planned (and is missing, if it is).
	 * @param plan the planned windows, as {@link #plannedWindows}
	 * @param stored the stored windows of the plan's range
	 */
	public static List<PlannedWindow> resolve(List<PlannedWindow> plan, List<StoredWindow> stored) {
		Set<String> exact = new HashSet<>();
		Map<String, List<StoredWindow>> byTask = new HashMap<>();
		for (StoredWindow window : stored) {
			exact.add(window.source() + ":" + window.taskId() + ":" + window.start() + ":" + window.end());
			byTask.computeIfAbsent(window.source() + ":" + window.taskId(), (key) -> new ArrayList<>()).add(window);
		}
		Map<String, List<PlannedWindow>> groups = new LinkedHashMap<>();
		for (PlannedWindow window : plan) {
			groups.computeIfAbsent(window.week() + ":" + window.source() + ":" + window.taskId(),
					(key) -> new ArrayList<>())
				.add(window);
		}
		List<PlannedWindow> resolved = new ArrayList<>();
		for (List<PlannedWindow> group : groups.values()) {
			PlannedWindow first = group.get(0);
			boolean allStored = group.stream()
				.allMatch((w) -> exact.contains(w.source() + ":" + w.taskId() + ":" + w.start() + ":" + w.end()));
			List<PlannedWindow> chain = allStored ? null
					: chain(first, group.stream().mapToLong(PlannedWindow::start).min().orElseThrow(),
							group.stream().mapToLong(PlannedWindow::end).max().orElseThrow(),
							byTask.getOrDefault(first.source() + ":" + first.taskId(), List.of()));
			resolved.addAll((chain != null) ? chain : group);
		}
		return List.copyOf(resolved);
	}

	/** Stored windows end to end from {@code start} to {@code end}, the longest at each step; null if there are none. */
	private static List<PlannedWindow> chain(PlannedWindow like, long start, long end, List<StoredWindow> stored) {
		List<PlannedWindow> chain = new ArrayList<>();
		long reached = start;
		while (reached < end) {
			long from = reached;
			long next = stored.stream()
				.filter((window) -> window.start() == from && window.end() <= end)
				.mapToLong(StoredWindow::end)
				.max()
				.orElse(-1);
			if (next < 0) {
				return null;
			}
			chain.add(new PlannedWindow(like.week(), like.source(), like.taskId(), from, next));
			reached = next;
		}
		return chain;
	}

	/** TaskIDs in groups of at most five, in file order, duplicates dropped. */
	public static List<List<String>> taskGroups(List<String> taskIds) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(taskIds));
		List<List<String>> groups = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += LossQuery.MAX_TASK_IDS) {
			groups.add(distinct.subList(from, Math.min(from + LossQuery.MAX_TASK_IDS, distinct.size())));
		}
		return List.copyOf(groups);
	}

	/** The number of days in a fetch granularity, checked to be one to seven. */
	public static int windowDays(Period window) {
		if (window.getYears() != 0 || window.getMonths() != 0 || window.getDays() < 1 || window.getDays() > 7) {
			throw new IllegalArgumentException("window " + window + " must be between P1D and P7D");
		}
		return window.getDays();
	}

	// A day is at most 25 hours, so only ranges of two or more days can break the limit; halving at a local
	// midnight keeps every window aligned to days.
	private static void addWithinLimit(List<long[]> ranges, LocalDate from, LocalDate to, ZoneId zone) {
		long start = from.atStartOfDay(zone).toEpochSecond();
		long end = to.atStartOfDay(zone).toEpochSecond();
		long days = ChronoUnit.DAYS.between(from, to);
		if (end - start > LossQuery.MAX_SPAN_SECONDS && days > 1) {
			LocalDate middle = from.plusDays(days / 2);
			addWithinLimit(ranges, from, middle, zone);
			addWithinLimit(ranges, middle, to, zone);
		}
		else {
			ranges.add(new long[] { start, end });
		}
	}

}
