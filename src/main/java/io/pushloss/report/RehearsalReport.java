package io.pushloss.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.Completeness;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.TopMovers;
import io.pushloss.analysis.TrendPoint;
import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * A tiny made-up report the document writers' warm-ups render (to no file) so that the first real report finds the
 * PDF fill engine, both charts, the fonts and the PDF/A exporter, and the workbook's sheet, style and chart classes,
 * loaded: one source, one vendor, one stage, two weeks.
 */
public final class RehearsalReport {

	private static final IsoWeek WEEK = IsoWeek.parse("2026-W02");

	private RehearsalReport() {
	}

	/** The made-up report. */
	public static WeeklyReport create() {
		IsoWeek previous = WEEK.minusWeeks(1);
		ReportHeader header = new ReportHeader("warm-up", WEEK, ZoneOffset.UTC, WEEK.monday(), WEEK.sunday(), 1L,
				Instant.parse("2026-01-12T00:00:00Z"), List.of(previous), 1);
		Completeness completeness = new Completeness(
				List.of(new WeekCompleteness(WEEK, 1, 1, List.of()), new WeekCompleteness(previous, 1, 1, List.of())));
		WeekOverWeek counts = new WeekOverWeek(2, 1);
		return new WeeklyReport(header, completeness,
				List.of(new StageTotal(LossSource.NORMAL, Stage.READY_TO_SEND, counts)),
				List.of(new VendorLoss(LossSource.NORMAL, Vendor.APNS, Stage.READY_TO_SEND, counts, 1.0)), List.of(),
				new TopMovers(List.of(), List.of()), List.of(), List.of(),
				List.of(new TrendPoint(LossSource.NORMAL, Vendor.APNS, previous, 1),
						new TrendPoint(LossSource.NORMAL, Vendor.APNS, WEEK, 2)));
	}

}
