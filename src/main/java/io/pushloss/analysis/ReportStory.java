package io.pushloss.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.pushloss.domain.Counts;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The report's story, the same in the email, the PDF and the workbook: the headline of each source, each cause of
 * loss (vendor and error code) once with its sources under it, and one vendor order. Derived from a
 * {@link WeeklyReport} by {@link WeeklyReport#story()}; every count is a whole number.
 *
 * @param vendorOrder every vendor with lost pushes this week or last week, by this week's lost pushes (both sources
 * and stages, an order only: the sources are never shown added), most first, ties by name; use it for every
 * per-vendor table, chart and list
 * @param headlines one per source the report covers, in the report's source order
 * @param anomalies the causes with an anomaly in any source, the largest excess over its baseline first
 * @param increases the causes among the top movers that grew and are not anomalies, largest increase first
 * @param decreases the causes among the top movers that shrank, largest decrease first, none of them already among
 * the anomalies or increases (each cause is told once)
 * @param biggestMover what the subject and preheader name: the first anomaly, else the first increase, else
 * {@code null}
 */
public record ReportStory(List<Vendor> vendorOrder, List<SourceHeadline> headlines, List<Cause> anomalies,
		List<Cause> increases, List<Cause> decreases, Cause biggestMover) {

	public ReportStory {
		vendorOrder = List.copyOf(vendorOrder);
		headlines = List.copyOf(headlines);
		anomalies = List.copyOf(anomalies);
		increases = List.copyOf(increases);
		decreases = List.copyOf(decreases);
	}

	/** Whether anything is worth a line of news: an anomaly or a mover. */
	public boolean hasNews() {
		return this.biggestMover != null;
	}

	/**
	 * One source's totals for the first screen.
	 *
	 * @param source the source
	 * @param counts lost pushes at both stages, this week against last week
	 * @param stages per stage, in stage order
	 * @param anomalies how many causes are anomalous in this source
	 * @param vendors this week and last week per vendor, both stages added, in {@link #vendorOrder()} (vendors with
	 * nothing in this source left out): the per-source vendor chart
	 */
	public record SourceHeadline(LossSource source, WeekOverWeek counts, Map<Stage, WeekOverWeek> stages,
			int anomalies, List<VendorCount> vendors) {

		public SourceHeadline {
			stages = Map.copyOf(stages);
			vendors = List.copyOf(vendors);
		}

		/** The largest vendor count this week (the full length of a bar), at least 1. */
		public long largestVendorCount() {
			return Math.max(1, this.vendors.stream().mapToLong((v) -> v.counts().thisWeek()).max().orElse(0));
		}

	}

	/**
	 * One vendor's lost pushes in one source, both stages added.
	 *
	 * @param vendor the vendor
	 * @param counts this week against last week
	 */
	public record VendorCount(Vendor vendor, WeekOverWeek counts) {
	}

	/**
	 * A cause of lost pushes: one vendor's error code, told once, with what it did in each source.
	 *
	 * @param vendor the vendor
	 * @param errCode the code as the API sent it
	 * @param errInfo the vendor's description (of the lead source's largest line)
	 * @param remediation what it means, who fixes it and what to do
	 * @param sources one figure per source the code occurs in, in source order
	 */
	public record Cause(Vendor vendor, String errCode, String errInfo, Remediation remediation,
			List<SourceFigure> sources) {

		public Cause {
			Objects.requireNonNull(vendor, "vendor");
			Objects.requireNonNull(errCode, "errCode");
			errInfo = (errInfo != null) ? errInfo : "";
			Objects.requireNonNull(remediation, "remediation");
			sources = List.copyOf(sources);
			if (sources.isEmpty()) {
				throw new IllegalArgumentException("a cause needs at least one source");
			}
		}

		/**
		 * The figure the cause is told by: the anomalous source with the largest excess over its baseline, else the
		 * source with the largest change against last week (ties: source order).
		 */
		public SourceFigure lead() {
			return this.sources.stream()
				.max(Comparator.comparing(SourceFigure::anomaly)
					.thenComparing((SourceFigure f) -> f.anomaly() ? f.excess() : Math.abs(f.counts().delta()))
					.thenComparing(Comparator.comparing(SourceFigure::source).reversed()))
				.orElseThrow();
		}

		/** The lead's direction. */
		public Direction direction() {
			return lead().direction();
		}

		/** The lead's factor against its baseline, {@code null} when its baseline is 0. */
		public BigDecimal factor() {
			return lead().factor();
		}

		/** Whether any source of the cause is an anomaly. */
		public boolean anomaly() {
			return this.sources.stream().anyMatch(SourceFigure::anomaly);
		}

		/** The remediation's owner. */
		public RemediationOwner owner() {
			return this.remediation.owner();
		}

		/** What the code means, in {@code locale} (the catalogue's translation, else English). */
		public String meaning(Locale locale) {
			return this.remediation.meaning(locale);
		}

		/** What to do, in {@code locale}. */
		public String action(Locale locale) {
			return this.remediation.action(locale);
		}

	}

	/**
	 * What one cause did in one source, its stages added.
	 *
	 * @param source the source
	 * @param stages the stages the code occurs at
	 * @param counts this week against last week
	 * @param baseline the mean of the baseline weeks in whole lost pushes (rounded half up; see
	 * {@link Baseline#rounded()})
	 * @param factor this week divided by {@code baseline}, one decimal (half up); {@code null} when the baseline is
	 * 0 (the direction is then NEW)
	 * @param direction against last week (NEW also when it is back after a week without)
	 * @param anomaly whether any of its lines is an anomaly
	 */
	public record SourceFigure(LossSource source, List<Stage> stages, WeekOverWeek counts, long baseline,
			BigDecimal factor, Direction direction, boolean anomaly) {

		public SourceFigure {
			stages = List.copyOf(stages);
		}

		/** This week's lost pushes above the baseline (negative when below). */
		public long excess() {
			return this.counts.thisWeek() - this.baseline;
		}

	}

	/** Tells the story of a report. */
	static ReportStory of(WeeklyReport report) {
		List<Vendor> order = vendorOrder(report);
		Map<CauseKey, List<CodeLoss>> byCause = new LinkedHashMap<>();
		for (CodeLoss code : report.codes()) {
			byCause.computeIfAbsent(new CauseKey(code.vendor(), code.errCode()), (k) -> new ArrayList<>()).add(code);
		}
		Map<CauseKey, Cause> causes = new LinkedHashMap<>();
		byCause.forEach((key, lines) -> causes.put(key, cause(key, lines)));
		List<Cause> anomalies = causes.values()
			.stream()
			.filter(Cause::anomaly)
			.sorted(Comparator.comparingLong((Cause c) -> c.lead().excess())
				.reversed()
				.thenComparing((Cause c) -> c.lead().counts().thisWeek(), Comparator.reverseOrder())
				.thenComparing(Cause::vendor)
				.thenComparing(Cause::errCode))
			.toList();
		Set<Cause> told = new LinkedHashSet<>(anomalies);
		List<Cause> increases = movers(report.topMovers().increases(), causes, told);
		List<Cause> decreases = movers(report.topMovers().decreases(), causes, told);
		Cause biggest = !anomalies.isEmpty() ? anomalies.get(0) : (!increases.isEmpty() ? increases.get(0) : null);
		List<SourceHeadline> headlines = new ArrayList<>();
		for (LossSource source : report.sources()) {
			Map<Stage, WeekOverWeek> stages = new EnumMap<>(Stage.class);
			report.totals().stream().filter((t) -> t.source() == source)
				.forEach((t) -> stages.merge(t.stage(), t.counts(), WeekOverWeek::plus));
			int anomalous = (int) causes.values().stream()
				.filter((c) -> c.sources().stream().anyMatch((f) -> f.source() == source && f.anomaly()))
				.count();
			headlines.add(new SourceHeadline(source, report.headline(source), stages, anomalous,
					vendorCounts(report, source, order)));
		}
		return new ReportStory(order, headlines, anomalies, increases, decreases, biggest);
	}

	/** By this week's lost pushes of every source and stage, most first, then last week's, then by name. */
	private static List<Vendor> vendorOrder(WeeklyReport report) {
		Map<Vendor, long[]> sums = new EnumMap<>(Vendor.class);
		for (VendorLoss line : report.vendors()) {
			long[] counts = sums.computeIfAbsent(line.vendor(), (v) -> new long[2]);
			counts[0] = Counts.add(counts[0], line.counts().thisWeek(), "lost pushes of a vendor this week");
			counts[1] = Counts.add(counts[1], line.counts().lastWeek(), "lost pushes of a vendor last week");
		}
		return sums.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<Vendor, long[]> e) -> e.getValue()[0])
				.reversed()
				.thenComparing(Comparator.comparingLong((Map.Entry<Vendor, long[]> e) -> e.getValue()[1]).reversed())
				.thenComparing((e) -> e.getKey().displayName().toLowerCase(Locale.ROOT)))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static List<VendorCount> vendorCounts(WeeklyReport report, LossSource source, List<Vendor> order) {
		Map<Vendor, WeekOverWeek> sums = new EnumMap<>(Vendor.class);
		report.vendors().stream().filter((line) -> line.source() == source)
			.forEach((line) -> sums.merge(line.vendor(), line.counts(), WeekOverWeek::plus));
		return order.stream().filter(sums::containsKey).map((v) -> new VendorCount(v, sums.get(v))).toList();
	}

	/** The movers' causes in the movers' order, each once and none already told (anomalies, increases). */
	private static List<Cause> movers(List<CodeLoss> codes, Map<CauseKey, Cause> causes, Set<Cause> told) {
		List<Cause> chosen = new ArrayList<>();
		for (CodeLoss code : codes) {
			Cause cause = causes.get(new CauseKey(code.vendor(), code.errCode()));
			if (told.add(cause)) {
				chosen.add(cause);
			}
		}
		return chosen;
	}

	private static Cause cause(CauseKey key, List<CodeLoss> lines) {
		Map<LossSource, List<CodeLoss>> bySource = new EnumMap<>(LossSource.class);
		lines.forEach((line) -> bySource.computeIfAbsent(line.source(), (s) -> new ArrayList<>()).add(line));
		List<SourceFigure> figures = new ArrayList<>();
		bySource.forEach((source, sourceLines) -> figures.add(figure(source, sourceLines)));
		// the description and remediation of the largest line this week
		CodeLoss largest = lines.stream()
			.max(Comparator.comparingLong((CodeLoss line) -> line.counts().thisWeek())
				.thenComparingLong((CodeLoss line) -> line.counts().lastWeek()))
			.orElseThrow();
		return new Cause(key.vendor(), key.errCode(), largest.errInfo(), largest.remediation(), figures);
	}

	private static SourceFigure figure(LossSource source, List<CodeLoss> lines) {
		WeekOverWeek counts = WeekOverWeek.ZERO;
		double mean = 0;
		boolean seenEarlier = false;
		boolean anomaly = false;
		List<Stage> stages = new ArrayList<>();
		for (CodeLoss line : lines) {
			counts = counts.plus(line.counts());
			Baseline baseline = (line.baseline() != null) ? line.baseline() : Baseline.of(List.of());
			mean += baseline.mean();
			List<Long> weekly = baseline.weeklyCounts();
			for (int i = 1; i < weekly.size(); i++) {
				seenEarlier |= weekly.get(i) > 0;
			}
			anomaly |= line.anomaly();
			if (!stages.contains(line.stage())) {
				stages.add(line.stage());
			}
		}
		stages.sort(Comparator.naturalOrder());
		long rounded = BigDecimal.valueOf(mean).setScale(0, RoundingMode.HALF_UP).longValueExact();
		BigDecimal factor = (rounded == 0) ? null
				: BigDecimal.valueOf(counts.thisWeek()).divide(BigDecimal.valueOf(rounded), 1, RoundingMode.HALF_UP);
		Direction direction = Direction.of(CodeStatus.classify(counts.thisWeek(), counts.lastWeek(), seenEarlier));
		return new SourceFigure(source, stages, counts, rounded, factor, direction, anomaly);
	}

	private record CauseKey(Vendor vendor, String errCode) {
	}

}
