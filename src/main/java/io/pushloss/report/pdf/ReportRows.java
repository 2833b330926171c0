package io.pushloss.report.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.ReportStory.SourceFigure;
import io.pushloss.analysis.ReportStory.SourceHeadline;
import io.pushloss.analysis.ReportStory.VendorCount;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.TrendPoint;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.Counts;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Turns the report and its story into the rows the templates read, one map per row keyed by the templates' field
 * names, every word already in the report's language. Sorting, aggregation and wording happen here so that the
 * templates only lay out. Every per-vendor table and chart follows the story's one vendor order; the two sources are
 * never added together; JasperReports category charts do not sum repeated (series, category) pairs, so the chart
 * rows come one per pair.
 */
final class ReportRows {

	/** How many causes page 1 tells in full; the others are flagged in the table of codes. */
	static final int ATTENTION_LIMIT = 4;

	/**
	 * How many code lines the table of error codes shows besides the anomalies (the largest this week); the rest are
	 * summed up in one line, and every code is in the workbook.
	 */
	static final int CODE_TABLE_LIMIT = 20;

	/** How many of a task's codes its row names. */
	private static final int TASK_TOP_CODES = 3;

	private ReportRows() {
	}

	/** One row per source: both stages, never the sources added up. */
	static List<Map<String, Object>> headline(ReportStory story, ReportText text, WeeklyReport report) {
		String week = text.weekShort(report.header().week());
		String previous = text.weekShort(report.header().previousWeek());
		return story.headlines().stream().map((headline) -> {
			Map<String, Object> row = counts(headline.counts(), text);
			row.put("source", text.source(headline.source()));
			row.put("explain", text.sourceExplained(headline.source()));
			row.put("last", text.get("pdf.headline.last", week, text.count(headline.counts().lastWeek()), previous));
			return row;
		}).toList();
	}

	/** Per source, then stage. */
	static List<Map<String, Object>> totals(ReportStory story, ReportText text) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (SourceHeadline headline : story.headlines()) {
			for (Stage stage : Stage.values()) {
				WeekOverWeek counts = headline.stages().get(stage);
				if (counts != null) {
					Map<String, Object> row = counts(counts, text);
					row.put("source", text.source(headline.source()));
					row.put("stage", text.stage(stage));
					rows.add(row);
				}
			}
		}
		return rows;
	}

	/** Page 1: the first anomalies of the story, each cause once with its sources under it. */
	static List<Map<String, Object>> attention(ReportStory story, ReportText text, int baselineWeeks) {
		return story.anomalies().stream().limit(ATTENTION_LIMIT).map((ReportStory.Cause cause) -> {
			SourceFigure lead = cause.lead();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("title", text.vendor(cause.vendor()) + "  ·  " + cause.errCode());
			String meaning = text.meaning(cause.remediation());
			row.put("meaning", meaning);
			// the vendor's own words, unless they only repeat the code or the meaning
			row.put("errInfo", (describes(cause.errInfo(), cause.errCode()) && !cause.errInfo().equalsIgnoreCase(meaning))
					? cause.errInfo() : null);
			row.put("lost", text.get("pdf.attention.lost", text.count(lead.counts().thisWeek())));
			row.put("factor", text.factorOfBaseline(lead.factor(), baselineWeeks));
			row.put("baseline", (lead.factor() != null) ? text.get("pdf.attention.baseline", text.count(lead.baseline()))
					: null);
			row.put("change", againstLastWeek(lead.counts(), text));
			row.put("delta", lead.counts().delta());
			row.put("where", cause.sources()
				.stream()
				.map((figure) -> text.get("pdf.attention.source-figure", text.source(figure.source()),
						text.count(figure.counts().thisWeek()),
						figure.stages().stream().map(text::stage).collect(Collectors.joining(text.get("pdf.list.separator")))))
				.collect(Collectors.joining("   ·   ")));
			row.put("owner", text.owner(cause.owner()));
			row.put("action", text.action(cause.remediation()));
			return row;
		}).toList();
	}

	/**
	 * One row per vendor in the story's order: this week, last week and change in each source (up to two sources,
	 * {@code a*} the first and {@code b*} the second; {@code null} where the vendor lost nothing in that source).
	 */
	static List<Map<String, Object>> vendorTable(ReportStory story, ReportText text) {
		List<SourceHeadline> headlines = story.headlines();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Vendor vendor : story.vendorOrder()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("vendor", text.vendor(vendor));
			for (int i = 0; i < 2; i++) {
				String prefix = (i == 0) ? "a" : "b";
				WeekOverWeek counts = (i < headlines.size()) ? vendorCounts(headlines.get(i), vendor) : null;
				row.put(prefix + "ThisWeek", (counts != null) ? counts.thisWeek() : null);
				row.put(prefix + "LastWeek", (counts != null) ? counts.lastWeek() : null);
				row.put(prefix + "Delta", (counts != null) ? counts.delta() : null);
				row.put(prefix + "Change", (counts != null) ? percent(counts, text) : null);
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * One row per source for the vendor charts: its title and its chart rows (one per week and vendor, this week
	 * first, vendors in the story's order), the numbers of {@link #vendorTable}.
	 */
	static List<Map<String, Object>> vendorCharts(ReportStory story, ReportText text, WeeklyReport report) {
		String week = text.weekShort(report.header().week());
		String previous = text.weekShort(report.header().previousWeek());
		return story.headlines().stream().filter((headline) -> !headline.vendors().isEmpty()).map((headline) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("source", headline.source().name());
			row.put("title", text.get("pdf.vendors.chart.title", text.source(headline.source())));
			row.put("points", new JRMapCollectionDataSource(new ArrayList<>(vendorChartPoints(headline, text, week,
					previous))));
			return row;
		}).toList();
	}

	/** The chart rows of one source (see {@link #vendorCharts}). */
	static List<Map<String, ?>> vendorChartPoints(SourceHeadline headline, ReportText text, String week,
			String previous) {
		List<Map<String, ?>> points = new ArrayList<>();
		for (VendorCount vendor : headline.vendors()) {
			points.add(Map.of("week", week, "vendor", text.vendor(vendor.vendor()), "lostPushes",
					vendor.counts().thisWeek()));
			points.add(Map.of("week", previous, "vendor", text.vendor(vendor.vendor()), "lostPushes",
					vendor.counts().lastWeek()));
		}
		return points;
	}

	/**
	 * One row per code line (source, vendor, stage, code), most lost this week first: the anomalies and the
	 * {@value #CODE_TABLE_LIMIT} largest others.
	 */
	static List<Map<String, Object>> codes(WeeklyReport report, ReportText text) {
		return shownCodes(report).stream().map((code) -> {
			Map<String, Object> row = counts(code.counts(), text);
			row.put("vendor", text.vendor(code.vendor()));
			row.put("errCode", code.errCode());
			String meaning = text.meaning(code.remediation());
			// the vendor's own words too, unless they only repeat the code or the meaning
			boolean vendorWords = describes(code.errInfo(), code.errCode()) && !code.errInfo().equalsIgnoreCase(meaning);
			row.put("where", text.source(code.source()) + " · " + text.stage(code.stage())
					+ (vendorWords ? "  ·  “" + code.errInfo() + "”" : ""));
			row.put("meaning", meaning);
			row.put("status", text.status(code.status()));
			row.put("anomaly", code.anomaly());
			row.put("owner", text.owner(code.remediation().owner()));
			return row;
		}).toList();
	}

	/** The sentence under the table about the code lines it leaves out, or {@code null} when it shows them all. */
	static String codesLeftOut(WeeklyReport report, ReportText text) {
		List<CodeLoss> shown = shownCodes(report);
		List<CodeLoss> left = report.codes().stream().filter((code) -> !shown.contains(code)).toList();
		if (left.isEmpty()) {
			return null;
		}
		long thisWeek = Counts.sum(left.stream().map((code) -> code.counts().thisWeek()).toList(), "left-out codes");
		long lastWeek = Counts.sum(left.stream().map((code) -> code.counts().lastWeek()).toList(), "left-out codes");
		return text.get("pdf.codes.left-out", String.valueOf(left.size()), text.count(thisWeek), text.count(lastWeek));
	}

	/**
	 * The code lines the table leaves out, most lost this week first, each in a few words: vendor, code and the
	 * vendor's text, this week and last week; so the PDF still names every code and keeps every vendor text.
	 */
	static List<Map<String, Object>> codesLeftOutList(WeeklyReport report, ReportText text) {
		List<CodeLoss> shown = shownCodes(report);
		return report.codes()
			.stream()
			.filter((code) -> !shown.contains(code))
			.sorted(Comparator.comparing((CodeLoss code) -> -code.counts().thisWeek())
				.thenComparing((code) -> -code.counts().lastWeek())
				.thenComparing(CodeLoss::vendor)
				.thenComparing(CodeLoss::errCode))
			.map((code) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("label", text.vendor(code.vendor()) + "  " + code.errCode()
						+ ((describes(code.errInfo(), code.errCode())) ? "  “" + code.errInfo() + "”" : ""));
				row.put("counts", text.count(code.counts().thisWeek()) + " (" + text.count(code.counts().lastWeek()) + ")");
				return row;
			})
			.toList();
	}

	private static List<CodeLoss> shownCodes(WeeklyReport report) {
		List<Vendor> order = report.story().vendorOrder();
		List<CodeLoss> sorted = report.codes()
			.stream()
			.sorted(Comparator.comparing((CodeLoss code) -> -code.counts().thisWeek())
				.thenComparing((code) -> -code.counts().lastWeek())
				.thenComparingInt((code) -> order.indexOf(code.vendor()))
				.thenComparing(CodeLoss::source)
				.thenComparing(CodeLoss::stage)
				.thenComparing(CodeLoss::errCode))
			.toList();
		List<CodeLoss> shown = new ArrayList<>();
		int others = 0;
		for (CodeLoss code : sorted) {
			if (code.anomaly()) {
				shown.add(code);
			}
			else if (others < CODE_TABLE_LIMIT) {
				shown.add(code);
				others++;
			}
		}
		return shown;
	}

	/** Busiest task first; counts per stage and the task's largest codes as one line. */
	static List<Map<String, Object>> tasks(WeeklyReport report, ReportText text) {
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
				String codes = task.topCodes()
					.stream()
					.limit(TASK_TOP_CODES)
					.map((code) -> code.errCode()
							+ (describes(code.errInfo(), code.errCode()) ? " " + code.errInfo() : "") + ": "
							+ text.count(code.counts().thisWeek()))
					.collect(Collectors.joining("  ·  "));
				row.put("topCodes", codes.isEmpty() ? null : text.get("pdf.tasks.top-codes", codes));
				return row;
			})
			.toList();
	}

	/**
	 * Small multiples: one row per vendor in the story's order (vendors without loss in the trend left out), each
	 * with its points: one per source and week, oldest week first, every source of the report in every week so that
	 * each source keeps its colour in every chart.
	 */
	static List<Map<String, Object>> trend(WeeklyReport report, ReportStory story, ReportText text) {
		Map<Vendor, Map<LossSource, Map<IsoWeek, Long>>> counts = new EnumMap<>(Vendor.class);
		java.util.TreeSet<IsoWeek> weeks = new java.util.TreeSet<>();
		for (TrendPoint point : report.trend()) {
			weeks.add(point.week());
			counts.computeIfAbsent(point.vendor(), (vendor) -> new EnumMap<>(LossSource.class))
				.computeIfAbsent(point.source(), (source) -> new TreeMap<>())
				.merge(point.week(), point.count(), (a, c) -> Counts.add(a, c, "lost pushes of " + point.vendor()
						+ " in " + point.week()));
		}
		List<Vendor> vendors = new ArrayList<>(story.vendorOrder());
		counts.keySet().stream().filter((vendor) -> !vendors.contains(vendor)).sorted().forEach(vendors::add);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Vendor vendor : vendors) {
			Map<LossSource, Map<IsoWeek, Long>> bySource = counts.get(vendor);
			if (bySource == null || bySource.values().stream().allMatch((m) -> total(m) == 0)) {
				continue;
			}
			List<Map<String, ?>> points = new ArrayList<>();
			for (LossSource source : report.sources()) {
				for (IsoWeek week : weeks) {
					points.add(Map.of("source", text.source(source), "week", "W" + week.week(), "lostPushes",
							bySource.getOrDefault(source, Map.of()).getOrDefault(week, 0L)));
				}
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("vendor", text.vendor(vendor));
			row.put("points", new JRMapCollectionDataSource(points));
			rows.add(row);
		}
		return rows;
	}

	private static WeekOverWeek vendorCounts(SourceHeadline headline, Vendor vendor) {
		return headline.vendors()
			.stream()
			.filter((count) -> count.vendor() == vendor)
			.map(VendorCount::counts)
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Object> counts(WeekOverWeek counts, ReportText text) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("thisWeek", counts.thisWeek());
		row.put("lastWeek", counts.lastWeek());
		row.put("delta", counts.delta());
		row.put("change", percent(counts, text));
		return row;
	}

	/**
	 * The change against last week as the analysis rounds it (half up, as summary.json, the workbook and the run's
	 * result show it: {@code +62.6%}), or the language's word when last week was 0.
	 */
	/**
	 * A card's change against last week: "+502.4%  vs last week", or "none last week" for a cause that had none (it
	 * has no percentage, and "new vs last week" reads badly).
	 */
	static String againstLastWeek(WeekOverWeek counts, ReportText text) {
		return (counts.percentChange() == null && counts.thisWeek() > 0) ? text.get("pdf.attention.none-last")
				: percent(counts, text) + "  " + text.get("pdf.attention.vs-last");
	}

	static String percent(WeekOverWeek counts, ReportText text) {
		return (counts.percentChange() == null) ? text.percent(counts) : counts.percentLabel();
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
