package io.pushloss.report.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pushloss.analysis.Baseline;
import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Vendor;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.design.JRDesignField;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRowsTests {

	private static final ReportText ENGLISH = ReportText.bundled(Locale.ENGLISH);

	@Test
	void headlinesAreOnePerSourceAndNeverAddedUp() {
		WeeklyReport report = SampleReports.typicalWeek();

		List<Map<String, Object>> rows = ReportRows.headline(report.story(), ENGLISH, report);

		assertThat(rows).extracting((row) -> row.get("source")).containsExactly("Push to all", "Normal push");
		assertThat(rows.get(0)).containsEntry("thisWeek", report.headline(LossSource.ALL_MEMBER).thisWeek())
			.containsEntry("change", report.headline(LossSource.ALL_MEMBER).percentLabel());
		assertThat(rows.get(1)).containsEntry("thisWeek", report.headline(LossSource.NORMAL).thisWeek());
	}

	@Test
	void pageOneTellsEachAnomalousCauseOnceWithAWholeBaselineItsFactorOwnerAndWhatToDo() {
		WeeklyReport report = withFirstAnomalyBaseline(SampleReports.typicalWeek(), List.of(1141L, 1314L, 1258L, 1400L));
		assertThat(report.anomalies().get(0).baseline().mean()).isEqualTo(1278.25);
		ReportStory story = report.story();

		List<Map<String, Object>> cards = ReportRows.attention(story, ENGLISH, 4);

		assertThat(cards).hasSize(Math.min(ReportRows.ATTENTION_LIMIT, story.anomalies().size()));
		assertThat(cards).extracting((card) -> card.get("title")).doesNotHaveDuplicates();
		Map<String, Object> first = cards.get(0);
		ReportStory.Cause cause = story.anomalies().get(0);
		assertThat(first.get("title")).isEqualTo(ENGLISH.vendor(cause.vendor()) + "  ·  " + cause.errCode());
		assertThat((String) first.get("baseline")).doesNotContain(".");
		assertThat(first.get("factor")).isEqualTo(ENGLISH.factorOfBaseline(cause.factor(), 4));
		assertThat(first.get("owner")).isEqualTo(ENGLISH.owner(cause.owner()));
		assertThat(first.get("action")).isEqualTo(ENGLISH.action(cause.remediation()));
	}

	@Test
	void aCauseWithNoneLastWeekSaysSoInsteadOfNewVsLastWeek() {
		assertThat(ReportRows.againstLastWeek(new WeekOverWeek(607, 0), ENGLISH)).isEqualTo("none last week");
		assertThat(ReportRows.againstLastWeek(new WeekOverWeek(607, 0), ReportText.bundled(Locale.SIMPLIFIED_CHINESE)))
			.isEqualTo("上周为 0");
		assertThat(ReportRows.againstLastWeek(new WeekOverWeek(15_223, 2_527), ENGLISH))
			.isEqualTo("+502.4%  vs last week");
	}

	@Test
	void vendorChartsShowTheNumbersOfTheVendorTablePerVendorAndSourceAndTheyAddUpToTheReportsVendorLines()
			throws JRException {
		WeeklyReport report = SampleReports.typicalWeek();
		ReportStory story = report.story();
		List<Map<String, Object>> table = ReportRows.vendorTable(story, ENGLISH);
		List<Map<String, Object>> charts = ReportRows.vendorCharts(story, ENGLISH, report);
		List<LossSource> sources = report.sources();
		assertThat(charts).extracting((chart) -> chart.get("source"))
			.containsExactlyElementsOf(sources.stream().map(Enum::name).toList());

		int checked = 0;
		for (int s = 0; s < sources.size(); s++) {
			LossSource source = sources.get(s);
			String prefix = (s == 0) ? "a" : "b";
			Map<String, Long> chartThisWeek = new HashMap<>();
			Map<String, Long> chartLastWeek = new HashMap<>();
			JRMapCollectionDataSource points = (JRMapCollectionDataSource) charts.get(s).get("points");
			while (points.next()) {
				String vendor = (String) points.getFieldValue(field("vendor"));
				Long value = (Long) points.getFieldValue(field("lostPushes"));
				String week = (String) points.getFieldValue(field("week"));
				(week.equals(ENGLISH.weekShort(report.header().week())) ? chartThisWeek : chartLastWeek).put(vendor,
						value);
			}
			for (Vendor vendor : Vendor.values()) {
				WeekOverWeek expected = report.vendors()
					.stream()
					.filter((line) -> line.source() == source && line.vendor() == vendor)
					.map(VendorLoss::counts)
					.reduce(WeekOverWeek::plus)
					.orElse(null);
				Map<String, Object> row = table.stream()
					.filter((r) -> r.get("vendor").equals(ENGLISH.vendor(vendor)))
					.findFirst()
					.orElse(null);
				if (expected == null) {
					assertThat(chartThisWeek).doesNotContainKey(ENGLISH.vendor(vendor));
					continue;
				}
				assertThat(row).as(vendor + " in the table").isNotNull();
				assertThat(row.get(prefix + "ThisWeek")).as(vendor + " " + source).isEqualTo(expected.thisWeek());
				assertThat(row.get(prefix + "LastWeek")).as(vendor + " " + source).isEqualTo(expected.lastWeek());
				assertThat(chartThisWeek.get(ENGLISH.vendor(vendor))).as(vendor + " " + source + " chart")
					.isEqualTo(expected.thisWeek());
				assertThat(chartLastWeek.get(ENGLISH.vendor(vendor))).as(vendor + " " + source + " chart")
					.isEqualTo(expected.lastWeek());
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(5);
		assertThat(table).extracting((row) -> row.get("vendor"))
			.containsExactlyElementsOf(story.vendorOrder().stream().map(ENGLISH::vendor).toList());
	}

	@Test
	void theCodeTableHasOneRowPerCodeLineMostLostFirst() {
		WeeklyReport report = SampleReports.typicalWeek();

		List<Map<String, Object>> rows = ReportRows.codes(report, ENGLISH);

		assertThat(rows).hasSize(report.codes().size());
		assertThat(rows).extracting((row) -> (Long) row.get("thisWeek")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void everyCodeLineIsNamedOnceEitherInTheTableOrInTheListOfSmallerOnes() {
		WeeklyReport report = SampleReports.typicalWeek();
		List<Map<String, Object>> table = ReportRows.codes(report, ENGLISH);
		List<Map<String, Object>> list = ReportRows.codesLeftOutList(report, ENGLISH);

		assertThat(table.size() + list.size()).isEqualTo(report.codes().size());
		assertThat(table).filteredOn((row) -> Boolean.TRUE.equals(row.get("anomaly")))
			.hasSize((int) report.codes().stream().filter(CodeLoss::anomaly).count());
		assertThat(table.size()).isLessThanOrEqualTo(ReportRows.CODE_TABLE_LIMIT + report.anomalies().size());
		assertThat(ReportRows.codesLeftOut(report, ENGLISH)).isEqualTo(list.isEmpty() ? null
				: ReportRows.codesLeftOut(report, ENGLISH));
	}

	private static JRField field(String name) {
		JRDesignField field = new JRDesignField();
		field.setName(name);
		return field;
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
