package io.pushloss.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.pushloss.analysis.ReportStory.Cause;
import io.pushloss.analysis.ReportStory.SourceFigure;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;

class ReportStoryTests {

	private final WeeklyReport typical = SampleReports.typicalWeek();

	private final ReportStory story = this.typical.story();

	@Test
	void eachCauseIsToldOnceWithItsSourcesMergedUnderIt() {
		List<Cause> told = new ArrayList<>();
		told.addAll(this.story.anomalies());
		told.addAll(this.story.increases());
		told.addAll(this.story.decreases());
		Set<String> keys = told.stream().map((c) -> c.vendor() + "/" + c.errCode()).collect(Collectors.toSet());
		assertThat(keys).hasSameSizeAs(told);
		Cause huawei = this.story.anomalies().get(0);
		assertThat(huawei.vendor()).isEqualTo(Vendor.HUAWEI);
		assertThat(huawei.errCode()).isEqualTo("80300007");
		assertThat(huawei.sources()).extracting(SourceFigure::source)
			.containsExactly(LossSource.ALL_MEMBER, LossSource.NORMAL);
		assertThat(this.story.anomalies()).hasSize(1);
		// Honor has the same code but is another cause
		assertThat(this.story.increases()).extracting(Cause::vendor).doesNotContain(Vendor.HUAWEI);
	}

	@Test
	void theBiggestMoverIsTheAnomalyWithItsFactorAgainstTheBaseline() {
		Cause biggest = this.story.biggestMover();
		assertThat(biggest.vendor()).isEqualTo(Vendor.HUAWEI);
		SourceFigure lead = biggest.lead();
		assertThat(lead.source()).isEqualTo(LossSource.ALL_MEMBER);
		// baseline W-1..W-4 = 600, 550, 640, 610: mean 600; 2,400 is 4.0x
		assertThat(lead.baseline()).isEqualTo(600);
		assertThat(lead.factor()).isEqualByComparingTo("4.0");
		assertThat(biggest.direction()).isEqualTo(Direction.UP);
		assertThat(biggest.owner()).isEqualTo(RemediationOwner.CLIENT_APP);
	}

	@Test
	void withoutAnomaliesTheBiggestMoverIsTheLargestIncrease() {
		WeeklyReport quiet = new WeeklyReport(this.typical.header(), this.typical.completeness(), this.typical.totals(),
				this.typical.vendors(), this.typical.codes().stream().map(ReportStoryTests::notAnomalous).toList(),
				TopMovers.of(this.typical.codes().stream().map(ReportStoryTests::notAnomalous).toList(), 5),
				this.typical.tasks(), this.typical.eventTypes(), this.typical.trend());
		ReportStory story = quiet.story();
		assertThat(story.anomalies()).isEmpty();
		assertThat(story.biggestMover().vendor()).isEqualTo(Vendor.HUAWEI);
		assertThat(SampleReports.emptyWeek().story().biggestMover()).isNull();
		assertThat(SampleReports.emptyWeek().story().hasNews()).isFalse();
	}

	@Test
	void baselinesAreWholeNumbersRoundedHalfUpAndANewCodeHasNoFactor() {
		SourceFigure half = figureOf(line("1", 10612, 1278, 1279, 1278, 1279));
		// mean 1,278.5 is shown as 1,279; 10,612 / 1,279 = 8.297 is 8.3x
		assertThat(half.baseline()).isEqualTo(1279);
		assertThat(half.factor()).isEqualByComparingTo(new BigDecimal("8.3"));
		SourceFigure fresh = figureOf(line("2", 500, 0, 0, 0, 0));
		assertThat(fresh.baseline()).isZero();
		assertThat(fresh.factor()).isNull();
		assertThat(fresh.direction()).isEqualTo(Direction.NEW);
		assertThat(ReportText.bundled(Locale.ENGLISH).factorOfBaseline(fresh.factor(), 4))
			.isEqualTo("new, none in the 4 weeks before");
	}

	@Test
	void vendorsHaveOneOrderByThisWeeksLossesEverywhere() {
		// this week, both sources: Huawei 2,900, APNs 2,300, OPPO 450, FCM 225, Xiaomi 130, vivo 90, Honor 60,
		// Unknown 15, Meizu 0 (40 last week)
		assertThat(this.story.vendorOrder()).containsExactly(Vendor.HUAWEI, Vendor.APNS, Vendor.OPPO, Vendor.FCM,
				Vendor.XIAOMI, Vendor.VIVO, Vendor.HONOR, Vendor.UNKNOWN, Vendor.MEIZU);
		List<Vendor> tableOrder = this.typical.vendorsByVendor().stream()
			.filter((line) -> line.source() == LossSource.ALL_MEMBER)
			.map(VendorLoss::vendor)
			.distinct()
			.toList();
		assertThat(this.story.vendorOrder()).containsSubsequence(tableOrder);
		for (ReportStory.SourceHeadline headline : this.story.headlines()) {
			assertThat(this.story.vendorOrder())
				.containsSubsequence(headline.vendors().stream().map(ReportStory.VendorCount::vendor).toList());
		}
	}

	@Test
	void theVendorBarsOfASourceAddUpToItsHeadline() {
		for (ReportStory.SourceHeadline headline : this.story.headlines()) {
			long bars = headline.vendors().stream().mapToLong((v) -> v.counts().thisWeek()).sum();
			assertThat(bars).as(headline.source().name()).isEqualTo(headline.counts().thisWeek());
			assertThat(headline.stages()).containsOnlyKeys(Stage.values());
		}
		assertThat(this.story.headlines()).extracting(ReportStory.SourceHeadline::anomalies).containsExactly(1, 0);
	}

	private static CodeLoss notAnomalous(CodeLoss code) {
		return new CodeLoss(code.source(), code.vendor(), code.stage(), code.errCode(), code.errInfo(), code.counts(),
				code.status(), code.baseline(), false, code.remediation());
	}

	private static CodeLoss line(String code, long thisWeek, long... baseline) {
		List<Long> weeks = java.util.Arrays.stream(baseline).boxed().toList();
		return new CodeLoss(LossSource.NORMAL, Vendor.HUAWEI, Stage.POST_SEND_DELIVERED, code, "", new WeekOverWeek(
				thisWeek, baseline[0]), CodeStatus.classify(thisWeek, baseline[0], false), Baseline.of(weeks), true,
				Remediation.uncatalogued());
	}

	private SourceFigure figureOf(CodeLoss code) {
		WeeklyReport report = new WeeklyReport(this.typical.header(), this.typical.completeness(), List.of(), List.of(),
				List.of(code), TopMovers.of(List.of(code), 5), List.of(), List.of(), List.of());
		return report.story().anomalies().get(0).lead();
	}

}
