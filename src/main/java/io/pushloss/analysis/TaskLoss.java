package io.pushloss.analysis;

import java.util.List;

import io.pushloss.domain.Stage;

/**
 * One push-to-all task: a breakdown of the overall statistics, never added to them.
 *
 * @param taskId the TaskID
 * @param stages totals per stage (source is always push to all)
 * @param topCodes the task's codes with the largest counts this week, largest first
 */
public record TaskLoss(String taskId, List<StageTotal> stages, List<TaskCode> topCodes) {

	public TaskLoss {
		stages = List.copyOf(stages);
		topCodes = List.copyOf(topCodes);
	}

	/** One of a task's top codes (stage-level figures, all vendors). */
	public record TaskCode(Stage stage, String errCode, String errInfo, WeekOverWeek counts) {
	}

}
