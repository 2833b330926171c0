package io.pushloss.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pushloss.analysis.Baseline;
import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRowsTests {

	@Test
	void headlinesAreOnePerSourceAndNeverAddedUp() {
		WeeklyReport report = SampleReports.typicalWeek();

		List<Map<String, Object>> rows = ReportRows.headline(report);

		assertThat(rows).extracting((row) -> row.get("source")).containsExactly("Push to all", "Normal push");
		assertThat(rows.get(0)).containsEntry("thisWeek", report.headline(LossSource.ALL_MEMBER).thisWeek())
			.containsEntry("lastWeek", report.headline(LossSource.ALL_MEMBER).lastWeek())
			.containsEntry("change", report.headline(LossSource.ALL_MEMBER).percentLabel());
		assertThat(rows.get(1)).containsEntry("thisWeek", report.headline(LossSource.NORMAL).thisWeek());
	}

	@Test
	void baselineMeanIsRoundedHalfUpToOneDecimalLikeTheWorkbookAndTheEmail() {
		WeeklyReport report = withFirstAnomalyBaseline(SampleReports.typicalWeek(), List.of(1141L, 1314L, 1258L, 1400L));
		assertThat(report.anomalies().get(0).baseline().mean()).isEqualTo(1278.25);

		assertThat(ReportRows.anomalies(report).get(0)).containsEntry("baselineMean", 1278.3);
	}

	private static WeeklyReport withFirstAnomalyBaseline(WeeklyReport report, List<Long> counts) {
		List<CodeLoss> codes = new ArrayList<>(report.codes());
		int index = codes.indexOf(report.anomalies().get(0));
		CodeLoss code = codes.get(index);
		codes.set(index, new CodeLoss(code.source(), code.vendor(), code.stage(), code.errCode(), code.errInfo(),
				code.counts(), code.status(), Baseline.of(counts), code.anomaly(), code.remediation()));
		return new WeeklyReport(report.header(), report.completeness(), report.totals(), report.vendors(), codes,
				report.topMovers(), report.tasks(), report.eventTypes(), report.trend());
	}

}
