package io.pushloss.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.pushloss.analysis.Completeness.MissingRange;
import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.LossFigures.StageCount;
import io.pushloss.domain.Counts;
import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.PlannedWindow;
import io.pushloss.store.PlannedWindowAggregation.PlatformCount;

/**
 * Builds the {@link WeeklyReport} from the sums of the planned windows: plain Java, no database.
 */
class ReportAssembler {

	private final CodeLines codeLines;

	private final int catalogueVersion;

	private final TaskBreakdown taskBreakdown;

	private final int topMovers;

	ReportAssembler(RemediationCatalogue catalogue, AnomalyThresholds thresholds, AnalysisProperties properties) {
		this.codeLines = new CodeLines(catalogue, thresholds);
		this.catalogueVersion = catalogue.version();
		this.taskBreakdown = new TaskBreakdown(properties.topCodesPerTask());
		this.topMovers = properties.topMovers();
	}

	WeeklyReport assemble(ReportRequest request, LossFigures figures) {
		IsoWeek week = request.week();
		ReportHeader header = new ReportHeader(request.jobName(), week, request.zone(), week.monday(), week.sunday(),
				request.sdkAppId(), request.generatedAt(), request.weeks().subList(1, request.weeks().size()),
				this.catalogueVersion, request.displayName(), request.locale());
		List<CodeLoss> codes = this.codeLines.build(figures, request.baselineWeeks());
		return new WeeklyReport(header, completeness(request, figures.storedWindows()), totals(request, figures),
				vendors(figures), codes, TopMovers.of(codes, this.topMovers), this.taskBreakdown.tasks(request, figures),
				eventTypes(figures), trend(request, figures));
	}

	/**
	 * One entry per week, W first; missing ranges ordered by source, task and start. The counts are of windows as
	 * everywhere else, one per call (API, task group and period): the planned ranges of the tasks one call asks for
	 * together are one window, stored when all of them are.
	 */
	static Completeness completeness(ReportRequest request, Set<Integer> stored) {
		List<WeekCompleteness> weeks = new ArrayList<>();
		for (IsoWeek week : request.weeks()) {
			Map<String, Boolean> calls = new LinkedHashMap<>();
			List<PlannedWindow> missing = new ArrayList<>();
			for (int i = 0; i < request.plannedWindows().size(); i++) {
				PlannedWindow window = request.plannedWindows().get(i);
				if (window.week().equals(week)) {
					boolean present = stored.contains(i);
					calls.merge(callKey(window, request.taskIds()), present, Boolean::logicalAnd);
					if (!present) {
						missing.add(window);
					}
				}
			}
			missing.sort(Comparator.comparing(PlannedWindow::source)
				.thenComparing(PlannedWindow::taskId)
				.thenComparingLong(PlannedWindow::start));
			int storedCalls = (int) calls.values().stream().filter(Boolean::booleanValue).count();
			weeks.add(new WeekCompleteness(week, calls.size(), storedCalls, missing.stream()
				.map((window) -> new MissingRange(window.source(), window.taskId(), window.startInstant(),
						window.endInstant()))
				.toList()));
		}
		return new Completeness(weeks);
	}

	/** The call a planned window is fetched by: its source and range, and its task group (in job-file order). */
	private static String callKey(PlannedWindow window, List<String> taskIds) {
		int group = window.overall() ? -1 : taskIds.indexOf(window.taskId()) / PlannedWindow.TASKS_PER_CALL;
		return window.source() + ":" + window.start() + ":" + window.end() + ":" + group;
	}

	/** Every planned source x stage, from the overall stage-level rows (never from tasks, never blended). */
	private static List<StageTotal> totals(ReportRequest request, LossFigures figures) {
		Set<LossSource> sources = EnumSet.noneOf(LossSource.class);
		request.plannedWindows().forEach((window) -> sources.add(window.source()));
		List<StageTotal> totals = new ArrayList<>();
		for (LossSource source : sources) {
			for (Stage stage : Stage.values()) {
				long[] counts = new long[2];
				for (StageCount count : figures.stageCounts()) {
					if (count.source() == source && count.taskId().isEmpty() && count.stage() == stage) {
						counts[count.weekIndex()] = Counts.add(counts[count.weekIndex()], count.errCount(),
								() -> source.displayName() + " " + stage + " lost pushes");
					}
				}
				totals.add(new StageTotal(source, stage, new WeekOverWeek(counts[0], counts[1])));
			}
		}
		return totals;
	}

	/** Per source x stage x vendor with loss in W or W-1; share of the source's per-vendor rows this week. */
	private static List<VendorLoss> vendors(LossFigures figures) {
		Map<LossSource, Map<Stage, Map<Vendor, long[]>>> sums = new TreeMap<>();
		for (PlatformCount count : figures.platformCounts()) {
			if (count.weekIndex() <= 1) {
				long[] counts = sums.computeIfAbsent(count.source(), (s) -> new TreeMap<>())
					.computeIfAbsent(count.stage(), (s) -> new TreeMap<>())
					.computeIfAbsent(Vendor.fromCode(count.vendor()), (v) -> new long[2]);
				counts[count.weekIndex()] = Counts.add(counts[count.weekIndex()], count.errCount(),
						() -> count.source().displayName() + " " + count.stage() + " lost pushes of vendor "
								+ Vendor.fromCode(count.vendor()));
			}
		}
		List<VendorLoss> vendors = new ArrayList<>();
		sums.forEach((source, stages) -> stages.forEach((stage, byVendor) -> {
			long stageTotal = Counts.sum(byVendor.values().stream().map((counts) -> counts[0]).toList(),
					source.displayName() + " " + stage + " lost pushes this week");
			List<VendorLoss> lines = new ArrayList<>();
			byVendor.forEach((vendor, counts) -> {
				if (counts[0] > 0 || counts[1] > 0) {
					double share = (stageTotal == 0) ? 0 : (double) counts[0] / stageTotal;
					lines.add(new VendorLoss(source, vendor, stage, new WeekOverWeek(counts[0], counts[1]), share));
				}
			});
			lines.sort(Comparator.comparing((VendorLoss line) -> line.counts().thisWeek(), Comparator.reverseOrder())
				.thenComparing((VendorLoss line) -> line.counts().lastWeek(), Comparator.reverseOrder())
				.thenComparing(VendorLoss::vendor));
			vendors.addAll(lines);
		}));
		return vendors;
	}

	/**
	 * Per source x stage x event type with loss in W or W-1. Rows whose response gave no EventType are reported as
	 * UNSPECIFIED, so the split always adds up to the per-vendor total of the source.
	 */
	private static List<EventTypeSplit> eventTypes(LossFigures figures) {
		Map<LossSource, Map<Stage, Map<EventType, long[]>>> sums = new TreeMap<>();
		for (PlatformCount count : figures.platformCounts()) {
			if (count.weekIndex() <= 1) {
				long[] counts = sums.computeIfAbsent(count.source(), (s) -> new TreeMap<>())
					.computeIfAbsent(count.stage(), (s) -> new TreeMap<>())
					.computeIfAbsent(EventType.fromCode(count.eventType()), (t) -> new long[2]);
				counts[count.weekIndex()] = Counts.add(counts[count.weekIndex()], count.errCount(),
						() -> count.source().displayName() + " " + count.stage() + " lost pushes of event type "
								+ EventType.fromCode(count.eventType()));
			}
		}
		List<EventTypeSplit> splits = new ArrayList<>();
		sums.forEach((source, stages) -> stages.forEach((stage, byType) -> byType.forEach((type, counts) -> {
			if (counts[0] > 0 || counts[1] > 0) {
				splits.add(new EventTypeSplit(source, stage, type, new WeekOverWeek(counts[0], counts[1])));
			}
		})));
		return splits;
	}

	/** Per source x vendor (with loss in any report week) x week, both stages summed, oldest week first. */
	private static List<TrendPoint> trend(ReportRequest request, LossFigures figures) {
		List<IsoWeek> weeks = request.weeks();
		Map<LossSource, Map<Vendor, long[]>> sums = new TreeMap<>();
		for (PlatformCount count : figures.platformCounts()) {
			long[] counts = sums.computeIfAbsent(count.source(), (s) -> new TreeMap<>())
				.computeIfAbsent(Vendor.fromCode(count.vendor()), (v) -> new long[weeks.size()]);
			counts[count.weekIndex()] = Counts.add(counts[count.weekIndex()], count.errCount(),
					() -> count.source().displayName() + " lost pushes of vendor " + Vendor.fromCode(count.vendor())
							+ " in " + weeks.get(count.weekIndex()));
		}
		List<TrendPoint> trend = new ArrayList<>();
		sums.forEach((source, byVendor) -> byVendor.forEach((vendor, counts) -> {
			if (Arrays.stream(counts).anyMatch((count) -> count > 0)) {
				for (int back = weeks.size() - 1; back >= 0; back--) {
					trend.add(new TrendPoint(source, vendor, weeks.get(back), counts[back]));
				}
			}
		}));
		return trend;
	}

}
