package io.pushloss.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.pushloss.domain.LossSource;
import io.pushloss.domain.Vendor;

/**
 * The whole content of one weekly report, computed once by the analysis and only presented by summary.json, the
 * Excel and PDF documents and the email.
 *
 * @param header what the report is about
 * @param completeness whether all data is in; PARTIAL otherwise
 * @param totals per source and stage
 * @param vendors per source, vendor and stage (all vendors 0-8 that had loss in W or W-1)
 * @param codes per source, vendor, code and stage; never both weeks 0
 * @param topMovers largest absolute increases and decreases
 * @param tasks per push-to-all task
 * @param eventTypes online / offline split where the source gives it
 * @param trend per source, vendor and week (W and the baseline weeks, oldest first)
 */
public record WeeklyReport(ReportHeader header, Completeness completeness, List<StageTotal> totals,
		List<VendorLoss> vendors, List<CodeLoss> codes, TopMovers topMovers, List<TaskLoss> tasks,
		List<EventTypeSplit> eventTypes, List<TrendPoint> trend) {

	/** The version of summary.json this model is written as. */
	public static final int SCHEMA_VERSION = 1;

	public WeeklyReport {
		Objects.requireNonNull(header, "header");
		Objects.requireNonNull(completeness, "completeness");
		totals = List.copyOf(totals);
		vendors = List.copyOf(vendors);
		codes = List.copyOf(codes);
		Objects.requireNonNull(topMovers, "topMovers");
		tasks = List.copyOf(tasks);
		eventTypes = List.copyOf(eventTypes);
		trend = List.copyOf(trend);
	}

	/** Whether every planned window is stored; a partial report says PARTIAL everywhere. */
	public boolean partial() {
		return !this.completeness.complete();
	}

	/** The codes flagged as anomalies. */
	public List<CodeLoss> anomalies() {
		return this.codes.stream().filter(CodeLoss::anomaly).toList();
	}

	/**
	 * Lost pushes of every source and stage, W against W-1. The sources are separate statistics: present
	 * {@link #headline(LossSource)} per source; this sum only says whether anything was lost at all.
	 */
	public WeekOverWeek headline() {
		return this.totals.stream().map(StageTotal::counts).reduce(WeekOverWeek.ZERO, WeekOverWeek::plus);
	}

	/** The headline of one source: its lost pushes at both stages, W against W-1. */
	public WeekOverWeek headline(LossSource source) {
		return this.totals.stream()
			.filter((total) -> total.source() == source)
			.map(StageTotal::counts)
			.reduce(WeekOverWeek.ZERO, WeekOverWeek::plus);
	}

	/** The sources the report covers (those with totals), in a fixed order. */
	public List<LossSource> sources() {
		return this.totals.stream().map(StageTotal::source).distinct().sorted().toList();
	}

	/**
	 * The per-vendor lines grouped for a per-vendor table: by source, then vendor in the one
	 * {@link #vendorOrder() vendor order} of the report (by this week's lost pushes), then stage. {@link #vendors()}
	 * is by source, stage and loss instead.
	 */
	public List<VendorLoss> vendorsByVendor() {
		List<Vendor> order = vendorOrder();
		return this.vendors.stream()
			.sorted(Comparator.comparing(VendorLoss::source)
				.thenComparingInt((VendorLoss loss) -> order.indexOf(loss.vendor()))
				.thenComparing(VendorLoss::stage))
			.toList();
	}

	/**
	 * The report's story: headlines, each cause once, the one vendor order and the biggest mover. Computed on each
	 * call from the lines above; call it once per document.
	 */
	public ReportStory story() {
		return ReportStory.of(this);
	}

	/** The one vendor order of every per-vendor table, chart and list (see {@link ReportStory#vendorOrder()}). */
	public List<Vendor> vendorOrder() {
		return story().vendorOrder();
	}

	/** Whether nothing at all was lost in W and W-1. */
	public boolean empty() {
		return headline().equals(WeekOverWeek.ZERO);
	}

}
