package io.pushloss.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.store.PlannedWindowAggregation.PlatformCount;

/**
 * The sums the store gives for the planned windows of a report, before any rule is applied.
 *
 * @param stageCounts stage-level rows (vendor -1) of W and W-1, overall and per task
 * @param platformCounts per-vendor rows of the overall statistics, every report week
 * @param descriptions the chosen ErrInfo per code (W and W-1)
 * @param storedWindows indexes into the request's planned windows of those found in {@code fetched_window}
 */
record LossFigures(List<StageCount> stageCounts, List<PlatformCount> platformCounts,
		Map<DescriptionKey, String> descriptions, Set<Integer> storedWindows) {

	LossFigures {
		stageCounts = List.copyOf(stageCounts);
		platformCounts = List.copyOf(platformCounts);
		descriptions = Map.copyOf(descriptions);
		storedWindows = Set.copyOf(storedWindows);
	}

	/** The ErrInfo chosen for a code, {@code ""} when none. */
	String description(LossSource source, String taskId, int vendor, Stage stage, String errCode) {
		return this.descriptions.getOrDefault(new DescriptionKey(source, taskId, vendor, stage, errCode), "");
	}

	/** Lost pushes of a stage-level code in one week of one task ({@code ""} = overall). */
	record StageCount(int weekIndex, LossSource source, String taskId, Stage stage, String errCode, long errCount) {
	}

	/** {@code vendor} is -1 for stage-level codes. */
	record DescriptionKey(LossSource source, String taskId, int vendor, Stage stage, String errCode) {
	}

}
