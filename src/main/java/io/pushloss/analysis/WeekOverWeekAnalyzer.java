package io.pushloss.analysis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.pushloss.store.PlannedWindowAggregation;

/**
 * Computes the week-over-week report of one job and week from the store of record: sums the stored rows of exactly
 * the planned windows in SQL, then applies the report's rules (status, baseline, anomaly, ranking, remediation) in
 * plain Java. Reads only; safe to call again for the same week.
 */
@Component
public class WeekOverWeekAnalyzer {

	private static final Logger logger = LoggerFactory.getLogger(WeekOverWeekAnalyzer.class);

	private final PlannedWindowAggregation aggregation;

	private final ReportAssembler assembler;

	public WeekOverWeekAnalyzer(PlannedWindowAggregation aggregation, RemediationCatalogue catalogue,
			AnomalyThresholds thresholds, AnalysisProperties properties) {
		this.aggregation = aggregation;
		this.assembler = new ReportAssembler(catalogue, thresholds, properties);
	}

	/** Computes the report; a week with missing windows still gets one, marked PARTIAL with the missing ranges. */
	public WeeklyReport analyze(ReportRequest request) {
		WeeklyReport report = this.assembler.assemble(request, figures(request));
		if (report.partial()) {
			long missing = report.completeness().weeks().stream().mapToLong((week) -> week.missing().size()).sum();
			logger.warn("Report " + request.jobName() + " " + request.week() + " is PARTIAL: " + missing
					+ " planned window(s) not in the store");
		}
		return report;
	}

	private LossFigures figures(ReportRequest request) {
		WeekRows weekRows = new WeekRows();
		PlannedWindowAggregation.Sums sums = this.aggregation.read(request.sdkAppId(), request.plannedWindows(),
				request::weekIndex, weekRows::add);
		return new LossFigures(weekRows.stageCounts(), sums.platformCounts(), weekRows.descriptions(),
				sums.storedWindows());
	}

}
