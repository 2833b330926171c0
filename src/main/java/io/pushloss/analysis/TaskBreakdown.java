package io.pushloss.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pushloss.analysis.LossFigures.StageCount;
import io.pushloss.analysis.TaskLoss.TaskCode;
import io.pushloss.domain.Counts;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

/**
 * The per-task breakdown of push to all: stage totals and top codes of each task, from the task's stage-level
 * rows. A breakdown of the overall statistics, never added to them.
 */
class TaskBreakdown {

	/** Most lost pushes this week first, then last week, stage and code. */
	private static final Comparator<TaskCode> TOP = Comparator
		.comparing((TaskCode code) -> code.counts().thisWeek(), Comparator.reverseOrder())
		.thenComparing((TaskCode code) -> code.counts().lastWeek(), Comparator.reverseOrder())
		.thenComparing(TaskCode::stage)
		.thenComparing(TaskCode::errCode);

	private final int topCodes;

	TaskBreakdown(int topCodes) {
		this.topCodes = topCodes;
	}

	/** One entry per requested task, in the request's order, with both stages even when 0. */
	List<TaskLoss> tasks(ReportRequest request, LossFigures figures) {
		// Grouped once: scanning every count for every task costs tasks x counts (seconds for 1,000 tasks).
		Map<String, List<StageCount>> byTask = new HashMap<>();
		for (StageCount count : figures.stageCounts()) {
			if (count.source() == LossSource.ALL_MEMBER) {
				byTask.computeIfAbsent(count.taskId(), (task) -> new ArrayList<>()).add(count);
			}
		}
		List<TaskLoss> tasks = new ArrayList<>();
		for (String taskId : request.taskIds()) {
			long[][] stages = new long[Stage.values().length][2];
			Map<Stage, Map<String, long[]>> codes = new TreeMap<>();
			for (StageCount count : byTask.getOrDefault(taskId, List.of())) {
				long[] stageCounts = stages[count.stage().ordinal()];
				stageCounts[count.weekIndex()] = Counts.add(stageCounts[count.weekIndex()], count.errCount(),
						() -> "task " + taskId + " " + count.stage() + " lost pushes");
				long[] codeCounts = codes.computeIfAbsent(count.stage(), (s) -> new TreeMap<>())
					.computeIfAbsent(count.errCode(), (c) -> new long[2]);
				codeCounts[count.weekIndex()] = Counts.add(codeCounts[count.weekIndex()], count.errCount(),
						() -> "task " + taskId + " " + count.stage() + " ErrCode " + count.errCode());
			}
			List<StageTotal> totals = new ArrayList<>();
			for (Stage stage : Stage.values()) {
				long[] counts = stages[stage.ordinal()];
				totals.add(new StageTotal(LossSource.ALL_MEMBER, stage, new WeekOverWeek(counts[0], counts[1])));
			}
			List<TaskCode> top = new ArrayList<>();
			codes.forEach((stage, byCode) -> byCode.forEach((code, counts) -> {
				if (counts[0] > 0) {
					top.add(new TaskCode(stage, code,
							figures.description(LossSource.ALL_MEMBER, taskId, -1, stage, code),
							new WeekOverWeek(counts[0], counts[1])));
				}
			}));
			top.sort(TOP);
			tasks.add(new TaskLoss(taskId, totals, top.subList(0, Math.min(this.topCodes, top.size()))));
		}
		return tasks;
	}

}
