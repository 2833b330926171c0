package io.pushloss.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.pushloss.analysis.Completeness.MissingRange;
import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.domain.CountOverflowException;
import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.PlannedWindow;
import io.pushloss.store.PlannedWindowAggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The analysis against the Flyway store schema: W = 2026-W10 in Asia/Shanghai, baseline of 3 weeks. Push to all
 * (overall) is planned in daily windows for W and weekly windows before; normal push and the two tasks weekly.
 * A weekly window of push to all in W is stored too (another granularity) and must be ignored.
 */
@JdbcTest
@Import({ AnalysisConfiguration.class, WeekOverWeekAnalyzer.class, PlannedWindowAggregation.class })
class WeekOverWeekAnalyzerTests {

	private static final long APP = 1400000001L;

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final IsoWeek W = new IsoWeek(2026, 10);

	private static final long DAY = 86400;

	private static final String ALL = "ALL_MEMBER";

	private static final String NORMAL = "NORMAL";

	private static final String READY = "READY_TO_SEND";

	private static final String POST = "POST_SEND_DELIVERED";

	@Autowired
	private WeekOverWeekAnalyzer analyzer;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RemediationCatalogue catalogue;

	private final List<PlannedWindow> plan = new ArrayList<>();

	@BeforeEach
	void storeFourWeeks() {
		for (int day = 0; day < 7; day++) {
			plan(W, LossSource.ALL_MEMBER, "", day(W, day), day(W, day + 1), day != 6); // Sunday was never fetched
		}
		for (int back = 0; back <= 3; back++) {
			IsoWeek week = W.minusWeeks(back);
			if (back > 0) {
				plan(week, LossSource.ALL_MEMBER, "", start(week), end(week), true);
			}
			plan(week, LossSource.NORMAL, "", start(week), end(week), back != 2); // W-2 of normal push missing
			plan(week, LossSource.ALL_MEMBER, "task-a", start(week), end(week), true);
			plan(week, LossSource.ALL_MEMBER, "task-b", start(week), end(week), true);
		}
		// Push to all, per vendor, overall: W in daily windows
		platform(ALL, "", day(W, 0), day(W, 1), POST, 1, 1, "410", 300, "Unregistered");
		platform(ALL, "", day(W, 1), day(W, 2), POST, 1, 1, "410", 700, "Unregistered token");
		platform(ALL, "", day(W, 2), day(W, 3), POST, 1, 1, "410", 200, "");
		platform(ALL, "", day(W, 0), day(W, 1), POST, 1, 3, "80300007", 2400, "invalid token");
		platform(ALL, "", day(W, 2), day(W, 3), POST, 1, 7, "10070", 90, "daily total limit");
		platform(ALL, "", day(W, 4), day(W, 5), POST, 1, 4, "UNREGISTERED", 200, "");
		platform(ALL, "", day(W, 5), day(W, 6), POST, 1, 6, "regid_invalid", 450, "regid_invalid");
		platform(ALL, "", day(W, 0), day(W, 1), POST, 2, 0, "20001", 15, "");
		platform(ALL, "", day(W, 3), day(W, 4), READY, 1, 2, "-1", 130, "Certificate id not set");
		platform(ALL, "", day(W, 3), day(W, 4), READY, 1, 1, "-2", 0, "token not uploaded");
		// ... and W-1 to W-3 in weekly windows
		weeklyPlatform(1, POST, 1, 1, "410", 1000, 950, 1000);
		weeklyPlatform(1, POST, 1, 3, "80300007", 600, 550, 650);
		weeklyPlatform(1, POST, 1, 2, "10034", 300, 280, 310);
		weeklyPlatform(1, POST, 1, 4, "UNREGISTERED", 200, 190, 210);
		weeklyPlatform(1, POST, 1, 6, "regid_invalid", 500, 480, 520);
		weeklyPlatform(1, POST, 2, 0, "20001", 10, 12, 9);
		weeklyPlatform(1, READY, 1, 2, "-1", 0, 120, 0);
		weeklyPlatform(1, READY, 1, 1, "-2", 0, 0, 0);
		weeklyPlatform(1, POST, 1, 5, "110003", 0, 40, 0);
		// Push to all, stage level, overall
		stage(ALL, "", day(W, 0), day(W, 1), POST, "80300007", 4000, "invalid token");
		stage(ALL, "", day(W, 1), day(W, 2), POST, "410", 400, "Unregistered");
		stage(ALL, "", day(W, 3), day(W, 4), READY, "-1", 130, "Certificate id not set");
		stage(ALL, "", start(W.minusWeeks(1)), end(W.minusWeeks(1)), POST, "410", 2600, "Unregistered");
		// Another granularity of the same week: stored, never planned, never counted
		fetched(ALL, "", start(W), end(W));
		platform(ALL, "", start(W), end(W), POST, 1, 1, "410", 999999, "weekly duplicate");
		stage(ALL, "", start(W), end(W), POST, "410", 999999, "weekly duplicate");
		// Normal push: weekly, no EventType
		platform(NORMAL, "", start(W), end(W), POST, 0, 1, "410", 800, "Unregistered");
		platform(NORMAL, "", start(W.minusWeeks(1)), end(W.minusWeeks(1)), POST, 0, 1, "410", 820, "Unregistered");
		stage(NORMAL, "", start(W), end(W), POST, "410", 800, "Unregistered");
		stage(NORMAL, "", start(W.minusWeeks(1)), end(W.minusWeeks(1)), POST, "410", 820, "Unregistered");
		// Task a: stage-level rows, plus a per-vendor row that must not reach the vendor figures
		stage(ALL, "task-a", start(W), end(W), POST, "80300007", 1900, "invalid token");
		stage(ALL, "task-a", start(W), end(W), POST, "410", 700, "Unregistered");
		stage(ALL, "task-a", start(W), end(W), READY, "-2", 180, "token not uploaded");
		stage(ALL, "task-a", start(W), end(W), READY, "-1", 50, "Certificate id not set");
		stage(ALL, "task-a", start(W.minusWeeks(1)), end(W.minusWeeks(1)), POST, "80300007", 300, "invalid token");
		stage(ALL, "task-a", start(W.minusWeeks(1)), end(W.minusWeeks(1)), POST, "410", 600, "Unregistered");
		stage(ALL, "task-a", start(W.minusWeeks(1)), end(W.minusWeeks(1)), READY, "-2", 200, "token not uploaded");
		platform(ALL, "task-a", start(W), end(W), POST, 1, 1, "410", 5000, "Unregistered");
		// Another application's rows in the same windows
		this.jdbc.sql("INSERT INTO loss_row VALUES (?, 'ALL_MEMBER', '', ?, ?, 'POST_SEND_DELIVERED', 1, 1, '410', 777, '')")
			.params(APP + 1, day(W, 0), day(W, 1))
			.update();
	}

	@Test
	void stageTotalsBeyond64BitsFailNamingTheFigureInsteadOfWrapping() {
		stage(ALL, "", day(W, 4), day(W, 5), READY, "-2", Long.MAX_VALUE, "token not uploaded");

		assertThatExceptionOfType(CountOverflowException.class).isThrownBy(this::analyze)
			.withMessageStartingWith("the total of Push to all READY_TO_SEND lost pushes exceeds 64 bits (");
	}

	@Test
	void vendorTotalsBeyond64BitsFailNamingTheFigureInsteadOfWrapping() {
		platform(ALL, "", day(W, 4), day(W, 5), POST, 1, 1, "-9", Long.MAX_VALUE, "");

		assertThatExceptionOfType(CountOverflowException.class).isThrownBy(this::analyze)
			.withMessageContaining("exceeds 64 bits (");
	}

	@Test
	void totalsComeFromOverallStageRowsOfExactlyThePlannedWindows() {
		WeeklyReport report = analyze();
		assertThat(total(report, LossSource.ALL_MEMBER, Stage.POST_SEND_DELIVERED)).isEqualTo(new WeekOverWeek(4400, 2600));
		assertThat(total(report, LossSource.ALL_MEMBER, Stage.READY_TO_SEND)).isEqualTo(new WeekOverWeek(130, 0));
		assertThat(total(report, LossSource.NORMAL, Stage.POST_SEND_DELIVERED)).isEqualTo(new WeekOverWeek(800, 820));
		assertThat(total(report, LossSource.NORMAL, Stage.READY_TO_SEND)).isEqualTo(WeekOverWeek.ZERO);
		assertThat(report.totals()).hasSize(4);
		assertThat(total(report, LossSource.ALL_MEMBER, Stage.POST_SEND_DELIVERED).percentLabel()).isEqualTo("+69.2%");
	}

	@Test
	void vendorsCarryTheirShareOfTheSourcesPerVendorRows() {
		WeeklyReport report = analyze();
		VendorLoss apns = vendor(report, LossSource.ALL_MEMBER, Vendor.APNS, Stage.POST_SEND_DELIVERED);
		assertThat(apns.counts()).isEqualTo(new WeekOverWeek(1200, 1000));
		assertThat(apns.shareOfStage()).isCloseTo(1200.0 / 4355, within(1e-9));
		VendorLoss xiaomi = vendor(report, LossSource.ALL_MEMBER, Vendor.XIAOMI, Stage.POST_SEND_DELIVERED);
		assertThat(xiaomi.counts()).isEqualTo(new WeekOverWeek(0, 300));
		assertThat(xiaomi.shareOfStage()).isZero();
		assertThat(report.vendors()).noneMatch((line) -> line.vendor() == Vendor.MEIZU);
		assertThat(report.vendors().stream()
			.filter((line) -> line.source() == LossSource.ALL_MEMBER && line.stage() == Stage.POST_SEND_DELIVERED)
			.mapToDouble(VendorLoss::shareOfStage)
			.sum()).isCloseTo(1.0, within(1e-9));
		assertThat(report.vendors()
			.stream()
			.filter((line) -> line.source() == LossSource.ALL_MEMBER && line.stage() == Stage.POST_SEND_DELIVERED)
			.map(VendorLoss::vendor)).startsWith(Vendor.HUAWEI, Vendor.APNS, Vendor.OPPO);
	}

	@Test
	void codesGetEveryStatusAndCodesZeroInBothWeeksAreNeverListed() {
		WeeklyReport report = analyze();
		assertThat(code(report, Vendor.APNS, Stage.POST_SEND_DELIVERED, "410").status()).isEqualTo(CodeStatus.UP);
		assertThat(code(report, Vendor.XIAOMI, Stage.POST_SEND_DELIVERED, "10034").status())
			.isEqualTo(CodeStatus.RESOLVED);
		assertThat(code(report, Vendor.VIVO, Stage.POST_SEND_DELIVERED, "10070").status()).isEqualTo(CodeStatus.NEW);
		assertThat(code(report, Vendor.FCM, Stage.POST_SEND_DELIVERED, "UNREGISTERED").status())
			.isEqualTo(CodeStatus.FLAT);
		assertThat(code(report, Vendor.OPPO, Stage.POST_SEND_DELIVERED, "regid_invalid").status())
			.isEqualTo(CodeStatus.DOWN);
		CodeLoss regressed = code(report, Vendor.XIAOMI, Stage.READY_TO_SEND, "-1");
		assertThat(regressed.status()).isEqualTo(CodeStatus.REGRESSED);
		assertThat(regressed.counts()).isEqualTo(new WeekOverWeek(130, 0));
		assertThat(regressed.baseline().weeklyCounts()).containsExactly(0L, 120L, 0L);
		assertThat(regressed.remediation().category()).isEqualTo(LossCategory.CREDENTIALS);
		assertThat(report.codes()).noneMatch((code) -> code.errCode().equals("-2"));
		assertThat(report.codes()).noneMatch((code) -> code.errCode().equals("110003"));
		CodeLoss online = code(report, Vendor.UNKNOWN, Stage.POST_SEND_DELIVERED, "20001");
		assertThat(online.remediation().catalogued()).isFalse();
	}

	@Test
	void namesTheRemediationCatalogueItsHintsComeFrom() {
		assertThat(analyze().header().remediationCatalogueVersion()).isEqualTo(this.catalogue.version()).isPositive();
	}

	@Test
	void errInfoIsTheDescriptionOfTheWindowWithTheLargestCount() {
		WeeklyReport report = analyze();
		assertThat(code(report, Vendor.APNS, Stage.POST_SEND_DELIVERED, "410").errInfo())
			.isEqualTo("Unregistered token");
		// resolved: described from last week
		assertThat(code(report, Vendor.XIAOMI, Stage.POST_SEND_DELIVERED, "10034").errInfo()).isEqualTo("w-1");
	}

	@Test
	void errInfoTiesPreferADescriptionThenTheLatestWindow() {
		platform(ALL, "", day(W, 1), day(W, 2), POST, 1, 5, "110002", 50, "earlier");
		platform(ALL, "", day(W, 2), day(W, 3), POST, 1, 5, "110002", 50, "");
		platform(ALL, "", day(W, 3), day(W, 4), POST, 2, 5, "110002", 50, "later");
		platform(ALL, "", day(W, 3), day(W, 4), POST, 1, 5, "110002", 50, "later offline");
		CodeLoss code = code(analyze(), Vendor.MEIZU, Stage.POST_SEND_DELIVERED, "110002");
		assertThat(code.counts()).isEqualTo(new WeekOverWeek(200, 0));
		assertThat(code.errInfo()).isEqualTo("later offline");
	}

	@Test
	void anomalyIsFlaggedOnceAndTopMoversRankByAbsoluteChange() {
		WeeklyReport report = analyze();
		assertThat(report.anomalies()).extracting(CodeLoss::vendor, CodeLoss::errCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Vendor.HUAWEI, "80300007"));
		assertThat(report.topMovers().increases()).extracting(CodeLoss::errCode)
			.containsExactly("80300007", "410", "-1", "10070", "20001");
		assertThat(report.topMovers().decreases()).extracting(CodeLoss::errCode)
			.containsExactly("10034", "regid_invalid", "410");
		assertThat(report.topMovers().decreases().get(2).source()).isEqualTo(LossSource.NORMAL);
	}

	@Test
	void completenessIsPartialWithTheMissingRanges() {
		WeeklyReport report = analyze();
		assertThat(report.partial()).isTrue();
		List<WeekCompleteness> weeks = report.completeness().weeks();
		assertThat(weeks).extracting(WeekCompleteness::week)
			.containsExactly(W, W.minusWeeks(1), W.minusWeeks(2), W.minusWeeks(3));
		assertThat(weeks.get(0).plannedWindows()).as("a call per day of the overall figures, one for normal push, one for the group of both tasks").isEqualTo(9);
		assertThat(weeks.get(0).storedWindows()).isEqualTo(8);
		assertThat(weeks.get(0).missing()).containsExactly(new MissingRange(LossSource.ALL_MEMBER, "",
				Instant.ofEpochSecond(day(W, 6)), Instant.ofEpochSecond(day(W, 7))));
		assertThat(weeks.get(1).missing()).isEmpty();
		assertThat(weeks.get(2).missing()).containsExactly(new MissingRange(LossSource.NORMAL, "",
				W.minusWeeks(2).start(ZONE).toInstant(), W.minusWeeks(2).end(ZONE).toInstant()));
	}

	@Test
	void tasksAreABreakdownWithTheirTopCodes() {
		WeeklyReport report = analyze();
		assertThat(report.tasks()).extracting(TaskLoss::taskId).containsExactly("task-a", "task-b");
		TaskLoss a = report.tasks().get(0);
		assertThat(a.stages()).extracting(StageTotal::counts)
			.containsExactly(new WeekOverWeek(230, 200), new WeekOverWeek(2600, 900));
		assertThat(a.topCodes()).extracting(TaskLoss.TaskCode::errCode).containsExactly("80300007", "410", "-2");
		assertThat(a.topCodes().get(2).errInfo()).isEqualTo("token not uploaded");
		assertThat(a.topCodes().get(0).counts()).isEqualTo(new WeekOverWeek(1900, 300));
		TaskLoss b = report.tasks().get(1);
		assertThat(b.stages()).extracting(StageTotal::counts).containsOnly(WeekOverWeek.ZERO);
		assertThat(b.topCodes()).isEmpty();
	}

	@Test
	void eventTypesSplitOnlineFromOfflineAndKeepUnspecifiedRows() {
		WeeklyReport report = analyze();
		assertThat(split(report, LossSource.ALL_MEMBER, Stage.POST_SEND_DELIVERED, EventType.OFFLINE))
			.isEqualTo(new WeekOverWeek(4340, 2600));
		assertThat(split(report, LossSource.ALL_MEMBER, Stage.POST_SEND_DELIVERED, EventType.ONLINE))
			.isEqualTo(new WeekOverWeek(15, 10));
		assertThat(split(report, LossSource.NORMAL, Stage.POST_SEND_DELIVERED, EventType.UNSPECIFIED))
			.isEqualTo(new WeekOverWeek(800, 820));
	}

	@Test
	void trendRunsOldestFirstOverTheReportAndBaselineWeeks() {
		WeeklyReport report = analyze();
		List<TrendPoint> apns = report.trend()
			.stream()
			.filter((point) -> point.source() == LossSource.ALL_MEMBER && point.vendor() == Vendor.APNS)
			.toList();
		assertThat(apns).extracting(TrendPoint::week)
			.containsExactly(W.minusWeeks(3), W.minusWeeks(2), W.minusWeeks(1), W);
		assertThat(apns).extracting(TrendPoint::count).containsExactly(1000L, 950L, 1000L, 1200L);
		assertThat(report.trend()).anyMatch((point) -> point.vendor() == Vendor.MEIZU && point.count() == 40);
	}

	@Test
	void headerDescribesTheWeekAndItsBaseline() {
		ReportHeader header = analyze().header();
		assertThat(header.firstDay()).hasToString("2026-03-02");
		assertThat(header.lastDay()).hasToString("2026-03-08");
		assertThat(header.baselineWeeks()).containsExactly(W.minusWeeks(1), W.minusWeeks(2), W.minusWeeks(3));
		assertThat(header.sdkAppId()).isEqualTo(APP);
	}

	@Test
	void weekWithNothingStoredIsEmptyAndPartial() {
		IsoWeek later = W.plusWeeks(10);
		WeeklyReport report = this.analyzer.analyze(new ReportRequest("job", APP, later, ZONE, 1,
				List.of(new PlannedWindow(later, LossSource.NORMAL, "", start(later), end(later))), List.of(),
				Instant.EPOCH));
		assertThat(report.empty()).isTrue();
		assertThat(report.partial()).isTrue();
		assertThat(report.totals()).extracting(StageTotal::source).containsOnly(LossSource.NORMAL);
		assertThat(report.codes()).isEmpty();
	}

	private WeeklyReport analyze() {
		return this.analyzer.analyze(new ReportRequest("weekly", APP, W, ZONE, 3, this.plan,
				List.of("task-a", "task-b"), Instant.parse("2026-03-09T01:00:00Z")));
	}

	private void plan(IsoWeek week, LossSource source, String task, long start, long end, boolean stored) {
		this.plan.add(new PlannedWindow(week, source, task, start, end));
		if (stored) {
			fetched(source.name(), task, start, end);
		}
	}

	private void fetched(String source, String task, long start, long end) {
		this.jdbc.sql("INSERT INTO fetched_window VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, 'STORED', 0)")
			.params(APP, source, task, start, end)
			.update();
	}

	private void weeklyPlatform(int fromBack, String stage, int eventType, int vendor, String code, long... counts) {
		for (int i = 0; i < counts.length; i++) {
			IsoWeek week = W.minusWeeks(fromBack + i);
			// XIAOMI 10034 shows the description of W-1 when it is resolved in W
			platform(ALL, "", start(week), end(week), stage, eventType, vendor, code, counts[i], (i == 0) ? "w-1" : "older");
		}
	}

	private void platform(String source, String task, long start, long end, String stage, int eventType, int vendor,
			String code, long count, String info) {
		this.jdbc.sql("INSERT INTO loss_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(APP, source, task, start, end, stage, eventType, vendor, code, count, info)
			.update();
	}

	private void stage(String source, String task, long start, long end, String stage, String code, long count,
			String info) {
		platform(source, task, start, end, stage, 0, -1, code, count, info);
	}

	private static long start(IsoWeek week) {
		return week.start(ZONE).toEpochSecond();
	}

	private static long end(IsoWeek week) {
		return week.end(ZONE).toEpochSecond();
	}

	private static long day(IsoWeek week, int day) {
		return start(week) + day * DAY;
	}

	private static WeekOverWeek total(WeeklyReport report, LossSource source, Stage stage) {
		return report.totals()
			.stream()
			.filter((total) -> total.source() == source && total.stage() == stage)
			.findFirst()
			.orElseThrow()
			.counts();
	}

	private static VendorLoss vendor(WeeklyReport report, LossSource source, Vendor vendor, Stage stage) {
		return report.vendors()
			.stream()
			.filter((line) -> line.source() == source && line.vendor() == vendor && line.stage() == stage)
			.findFirst()
			.orElseThrow();
	}

	private static CodeLoss code(WeeklyReport report, Vendor vendor, Stage stage, String errCode) {
		Optional<CodeLoss> found = report.codes()
			.stream()
			.filter((code) -> code.source() == LossSource.ALL_MEMBER && code.vendor() == vendor
					&& code.stage() == stage && code.errCode().equals(errCode))
			.findFirst();
		assertThat(found).as("%s %s %s", vendor, stage, errCode).isPresent();
		return found.get();
	}

	private static WeekOverWeek split(WeeklyReport report, LossSource source, Stage stage, EventType type) {
		return report.eventTypes()
			.stream()
			.filter((split) -> split.source() == source && split.stage() == stage && split.eventType() == type)
			.findFirst()
			.orElseThrow()
			.counts();
	}

}
