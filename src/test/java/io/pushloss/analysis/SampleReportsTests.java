package io.pushloss.analysis;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleReportsTests {

	@Test
	void typicalWeekHasEveryStatusOneAnomalyTwoTasksAndFiveTrendWeeks() {
		WeeklyReport report = SampleReports.typicalWeek();
		Set<CodeStatus> statuses = report.codes().stream().map(CodeLoss::status).collect(Collectors.toSet());
		assertThat(statuses).isEqualTo(EnumSet.allOf(CodeStatus.class));
		assertThat(report.anomalies()).hasSize(1);
		assertThat(report.tasks()).hasSize(2);
		assertThat(report.trend().stream().map(TrendPoint::week).distinct()).hasSize(5);
		assertThat(report.partial()).isFalse();
		assertThat(report.empty()).isFalse();
		assertThat(report.codes()).noneMatch((code) -> code.counts().equals(WeekOverWeek.ZERO));
	}

	@Test
	void partialWeekIsPartialAndEmptyWeekIsEmpty() {
		assertThat(SampleReports.partialWeek().partial()).isTrue();
		assertThat(SampleReports.partialWeek().completeness().weeks().get(0).missing()).hasSize(2);
		assertThat(SampleReports.emptyWeek().empty()).isTrue();
		assertThat(SampleReports.emptyWeek().partial()).isFalse();
	}

}
