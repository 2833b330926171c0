package io.pushloss.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.TrendPoint;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.Counts;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * Turns the report model into the rows the templates read, one map per row keyed by the templates' field names.
 * Sorting and aggregation happen here so that the templates only lay out; JasperReports category charts do not
 * sum repeated (series, category) pairs, so the chart rows come pre-aggregated, one per pair.
 */
final class ReportRows {

	/** How many of a task's codes its row names. */
	private static final int TASK_TOP_CODES = 3;

	private ReportRows() {
	}

	/** One row per source: both stages, never the sources added up. */
	static List<Map<String, Object>> headline(WeeklyReport report) {
		return report.sources()
			.stream()
			.map((source) -> counts(report.headline(source), "source", source.displayName()))
			.toList();
	}

	static List<Map<String, Object>> totals(WeeklyReport report) {
		return report.totals()
			.stream()
			.sorted(Comparator.comparing(StageTotal::source).thenComparing(StageTotal::stage))
			.map((total) -> counts(total.counts(), "source", total.source().displayName(), "stage",
					total.stage().label()))
			.toList();
	}

	/** One row per week and vendor, both stages and both sources together, busiest vendor first. */
	static List<Map<String, Object>> vendorChart(WeeklyReport report) {
		Map<Vendor, WeekOverWeek> perVendor = new EnumMap<>(Vendor.class);
		report.vendors().forEach((loss) -> perVendor.merge(loss.vendor(), loss.counts(), WeekOverWeek::plus));
		String week = report.header().week().toString();
		String previousWeek = report.header().previousWeek().toString();
		List<Map<String, Object>> rows = new ArrayList<>();
		perVendor.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().equals(WeekOverWeek.ZERO))
			.sorted(Comparator.comparing((Map.Entry<Vendor, WeekOverWeek> entry) -> -entry.getValue().thisWeek())
				.thenComparing((entry) -> -entry.getValue().lastWeek())
				.thenComparing(Map.Entry::getKey))
			.forEach((entry) -> {
				rows.add(Map.of("week", week, "vendor", entry.getKey().displayName(), "lostPushes",
						entry.getValue().thisWeek()));
				rows.add(Map.of("week", previousWeek, "vendor", entry.getKey().displayName(), "lostPushes",
						entry.getValue().lastWeek()));
			});
		return rows;
	}

	static List<Map<String, Object>> movers(WeeklyReport report) {
		List<Map<String, Object>> rows = new ArrayList<>();
		report.topMovers().increases().forEach((code) -> rows.add(mover("Largest increases", code)));
		report.topMovers().decreases().forEach((code) -> rows.add(mover("Largest decreases", code)));
		return rows;
	}

	static List<Map<String, Object>> anomalies(WeeklyReport report) {
		return report.anomalies().stream().map((code) -> {
			Map<String, Object> row = code(code);
			// rounded half up to one decimal, as the workbook and the email show it
			double mean = (code.baseline() != null) ? code.baseline().mean() : 0.0;
			row.put("baselineMean", BigDecimal.valueOf(mean).setScale(1, RoundingMode.HALF_UP).doubleValue());
			return row;
		}).toList();
	}

	/** By source, then vendor (most lost this week in that source first), then stage. */
	static List<Map<String, Object>> vendors(WeeklyReport report) {
		return report.vendorsByVendor()
			.stream()
			.map((loss) -> {
				Map<String, Object> row = counts(loss.counts(), "source", loss.source().displayName(), "vendor",
						loss.vendor().displayName());
				row.put("stage", loss.stage().label());
				row.put("share", loss.shareOfStage());
				return row;
			})
			.toList();
	}

	/** By source, then largest this week first. */
	static List<Map<String, Object>> codes(WeeklyReport report) {
		return report.codes()
			.stream()
			.sorted(Comparator.comparing(CodeLoss::source)
				.thenComparing((code) -> -code.counts().thisWeek())
				.thenComparing((code) -> -code.counts().lastWeek())
				.thenComparing(CodeLoss::vendor)
				.thenComparing(CodeLoss::stage)
				.thenComparing(CodeLoss::errCode))
			.map((code) -> code(code))
			.toList();
	}

	/** Busiest task first; counts per stage and the task's largest codes as one line. */
	static List<Map<String, Object>> tasks(WeeklyReport report, Locale locale) {
		NumberFormat number = NumberFormat.getIntegerInstance(locale);
		return report.tasks()
			.stream()
			.sorted(Comparator.comparing((TaskLoss task) -> -stage(task, null).thisWeek())
				.thenComparing(TaskLoss::taskId))
			.map((task) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("taskId", task.taskId());
				WeekOverWeek ready = stage(task, Stage.READY_TO_SEND);
				WeekOverWeek post = stage(task, Stage.POST_SEND_DELIVERED);
				row.put("readyThisWeek", ready.thisWeek());
				row.put("readyLastWeek", ready.lastWeek());
				row.put("postThisWeek", post.thisWeek());
				row.put("postLastWeek", post.lastWeek());
				row.put("topCodes", task.topCodes()
					.stream()
					.limit(TASK_TOP_CODES)
					.map((code) -> code.errCode() + (describes(code.errInfo(), code.errCode()) ? " " + code.errInfo() : "")
							+ ": " + number.format(code.counts().thisWeek()))
					.collect(Collectors.joining("  ·  ")));
				return row;
			})
			.toList();
	}

	/**
	 * One row per week and vendor (both sources together), weeks oldest first and every vendor in every week, so
	 * that the chart's categories run in time order and each line is complete.
	 */
	static List<Map<String, Object>> trend(WeeklyReport report) {
		Map<Vendor, Map<IsoWeek, Long>> counts = new EnumMap<>(Vendor.class);
		TreeSet<IsoWeek> weeks = new TreeSet<>();
		for (TrendPoint point : report.trend()) {
			weeks.add(point.week());
			counts.computeIfAbsent(point.vendor(), (vendor) -> new TreeMap<>())
				.merge(point.week(), point.count(), (a, c) -> Counts.add(a, c, "lost pushes of " + point.vendor()
						+ " in " + point.week()));
		}
		List<Vendor> vendors = counts.keySet()
			.stream()
			.filter((vendor) -> total(counts.get(vendor)) > 0)
			.sorted(Comparator.comparing((Vendor vendor) -> -total(counts.get(vendor))).thenComparing((v) -> v))
			.toList();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (IsoWeek week : weeks) {
			for (Vendor vendor : vendors) {
				rows.add(Map.of("week", week.toString(), "vendor", vendor.displayName(), "lostPushes",
						counts.get(vendor).getOrDefault(week, 0L)));
			}
		}
		return rows;
	}

	private static Map<String, Object> mover(String direction, CodeLoss code) {
		Map<String, Object> row = code(code);
		row.put("direction", direction);
		return row;
	}

	private static Map<String, Object> code(CodeLoss code) {
		Map<String, Object> row = counts(code.counts(), "source", code.source().displayName(), "vendor",
				code.vendor().displayName());
		row.put("stage", code.stage().label());
		row.put("errCode", code.errCode());
		row.put("errInfo", code.errInfo());
		row.put("status", code.status().name());
		row.put("anomaly", code.anomaly());
		row.put("category", code.remediation().category().label());
		row.put("owner", code.remediation().owner().label());
		row.put("hint", code.remediation().hint());
		return row;
	}

	private static Map<String, Object> counts(WeekOverWeek counts, String key1, Object value1, String key2,
			Object value2) {
		Map<String, Object> row = counts(counts, key1, value1);
		row.put(key2, value2);
		return row;
	}

	private static Map<String, Object> counts(WeekOverWeek counts, String key, Object value) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put(key, value);
		row.put("thisWeek", counts.thisWeek());
		row.put("lastWeek", counts.lastWeek());
		row.put("delta", counts.delta());
		row.put("change", counts.percentLabel());
		return row;
	}

	/** A task's counts at one stage, or at both when {@code stage} is null. */
	private static WeekOverWeek stage(TaskLoss task, Stage stage) {
		return task.stages()
			.stream()
			.filter((total) -> stage == null || total.stage() == stage)
			.map(StageTotal::counts)
			.reduce(WeekOverWeek.ZERO, WeekOverWeek::plus);
	}

	/** Whether an ErrInfo adds anything to its code (some vendors repeat the code, e.g. "regid_invalid"). */
	private static boolean describes(String errInfo, String errCode) {
		return errInfo != null && !errInfo.isBlank() && !errInfo.equalsIgnoreCase(errCode);
	}

	private static long total(Map<IsoWeek, Long> counts) {
		return Counts.sum(counts.values(), "lost pushes of a vendor in the trend");
	}

}
