package io.pushloss.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pushloss.domain.Counts;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.PlannedWindowAggregation.PlatformCount;

/**
 * Turns the per-vendor sums into the report's code lines: status, baseline, anomaly flag, description and
 * remediation of every source x vendor x code x stage with lost pushes in W or W-1.
 */
class CodeLines {

	/** Source, stage, then most lost pushes this week (then last week), vendor number and code. */
	static final Comparator<CodeLoss> ORDER = Comparator.comparing(CodeLoss::source)
		.thenComparing(CodeLoss::stage)
		.thenComparing(Comparator.comparingLong((CodeLoss code) -> code.counts().thisWeek()).reversed())
		.thenComparing(Comparator.comparingLong((CodeLoss code) -> code.counts().lastWeek()).reversed())
		.thenComparingInt((CodeLoss code) -> code.vendor().code())
		.thenComparing(CodeLoss::errCode);

	private final RemediationCatalogue catalogue;

	private final AnomalyThresholds thresholds;

	CodeLines(RemediationCatalogue catalogue, AnomalyThresholds thresholds) {
		this.catalogue = catalogue;
		this.thresholds = thresholds;
	}

	List<CodeLoss> build(LossFigures figures, int baselineWeeks) {
		Map<CodeKey, long[]> weekly = new LinkedHashMap<>();
		for (PlatformCount count : figures.platformCounts()) {
			CodeKey key = new CodeKey(count.source(), Vendor.fromCode(count.vendor()), count.stage(), count.errCode());
			long[] counts = weekly.computeIfAbsent(key, (k) -> new long[baselineWeeks + 1]);
			counts[count.weekIndex()] = Counts.add(counts[count.weekIndex()], count.errCount(),
					() -> key.source().displayName() + " " + key.vendor() + " " + key.stage() + " ErrCode "
							+ key.errCode());
		}
		List<CodeLoss> lines = new ArrayList<>();
		weekly.forEach((key, counts) -> {
			if (counts[0] > 0 || counts[1] > 0) {
				lines.add(line(key, counts, figures));
			}
		});
		lines.sort(ORDER);
		return lines;
	}

	private CodeLoss line(CodeKey key, long[] counts, LossFigures figures) {
		List<Long> baselineCounts = new ArrayList<>();
		boolean seenEarlier = false;
		for (int back = 1; back < counts.length; back++) {
			baselineCounts.add(counts[back]);
			seenEarlier |= back >= 2 && counts[back] > 0;
		}
		Baseline baseline = Baseline.of(baselineCounts);
		CodeStatus status = CodeStatus.classify(counts[0], counts[1], seenEarlier);
		String errInfo = figures.description(key.source(), "", key.vendor().code(), key.stage(), key.errCode());
		return new CodeLoss(key.source(), key.vendor(), key.stage(), key.errCode(), errInfo,
				new WeekOverWeek(counts[0], counts[1]), status, baseline,
				this.thresholds.isAnomaly(counts[0], baseline),
				this.catalogue.lookup(key.vendor(), key.errCode(), errInfo));
	}

	private record CodeKey(LossSource source, Vendor vendor, Stage stage, String errCode) {
	}

}
