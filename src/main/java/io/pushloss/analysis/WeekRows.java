package io.pushloss.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pushloss.analysis.LossFigures.DescriptionKey;
import io.pushloss.analysis.LossFigures.StageCount;
import io.pushloss.domain.Counts;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

/**
 * Folds the stored rows of W and W-1 (stage-level rows of every planned window, every row of the overall windows)
 * into the stage counts and the description of each code, in one pass.
 * <p>
 * The description of a code is the ErrInfo of its row with the largest count in W (in W-1 for a code absent from
 * W); ties go to a non-empty description, then the latest window, then event type and text, so the choice never
 * depends on the order the rows arrive in.
 */
final class WeekRows {

	private static final Comparator<Candidate> BEST_FIRST = Comparator
		.comparingInt((Candidate c) -> (c.errCount() > 0) ? 0 : 1)
		.thenComparingInt(Candidate::weekIndex)
		.thenComparing(Comparator.comparingLong(Candidate::errCount).reversed())
		.thenComparingInt((Candidate c) -> c.errInfo().isEmpty() ? 1 : 0)
		.thenComparing(Comparator.comparingLong(Candidate::windowStart).reversed())
		.thenComparingInt(Candidate::eventType)
		.thenComparing(Candidate::errInfo);

	private final Map<StageKey, long[]> stageCounts = new HashMap<>();

	private final Map<DescriptionKey, Candidate> descriptions = new HashMap<>();

	/** One stored row; {@code vendor} is -1 for a stage-level row. */
	void add(int weekIndex, LossSource source, String taskId, int vendor, Stage stage, int eventType, String errCode,
			long errCount, String errInfo, long windowStart) {
		if (vendor == -1) {
			long[] sum = this.stageCounts.computeIfAbsent(new StageKey(weekIndex, source, taskId, stage, errCode),
					(key) -> new long[1]);
			sum[0] = Counts.add(sum[0], errCount, () -> source.apiName() + (taskId.isEmpty() ? "" : " task " + taskId)
					+ " " + stage + " ErrCode " + errCode);
		}
		Candidate candidate = new Candidate(weekIndex, errCount, errInfo, windowStart, eventType);
		this.descriptions.merge(new DescriptionKey(source, taskId, vendor, stage, errCode), candidate,
				(a, b) -> (BEST_FIRST.compare(a, b) <= 0) ? a : b);
	}

	/** Lost pushes per week, source, task, stage and code of the stage-level rows. */
	List<StageCount> stageCounts() {
		List<StageCount> counts = new ArrayList<>(this.stageCounts.size());
		this.stageCounts.forEach((key, sum) -> counts.add(new StageCount(key.weekIndex(), key.source(), key.taskId(),
				key.stage(), key.errCode(), sum[0])));
		return counts;
	}

	/** The chosen ErrInfo per code. */
	Map<DescriptionKey, String> descriptions() {
		Map<DescriptionKey, String> chosen = new HashMap<>();
		this.descriptions.forEach((key, candidate) -> chosen.put(key, candidate.errInfo()));
		return chosen;
	}

	private record StageKey(int weekIndex, LossSource source, String taskId, Stage stage, String errCode) {
	}

	private record Candidate(int weekIndex, long errCount, String errInfo, long windowStart, int eventType) {
	}

}
