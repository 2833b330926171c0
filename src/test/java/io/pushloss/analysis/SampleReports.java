package io.pushloss.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.pushloss.analysis.Completeness.MissingRange;
import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.TaskLoss.TaskCode;
import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * Ready-made {@link WeeklyReport}s for tests of everything that presents a report (summary.json, Excel, PDF, email),
 * built directly from the records without a database.
 * <p>
 * {@link #typicalWeek()}: week 2026-W46 in Asia/Shanghai for SDKAppID 1400000000, baseline of 4 weeks (trend of 5
 * weeks), both sources, several vendors, one code of every {@link CodeStatus}, exactly one anomaly (Huawei 80300007
 * of push to all, 2,400 against about 600), one uncatalogued code, two push-to-all tasks, complete.
 * {@link #partialWeek()}: the same figures but two daily windows of normal push in W and one task window in W-2 are
 * missing. {@link #emptyWeek()}: nothing lost at all, complete.
 */
public final class SampleReports {

	public static final IsoWeek WEEK = new IsoWeek(2026, 46);

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public static final long SDK_APP_ID = 1400000000L;

	public static final String JOB_NAME = "weekly-push-loss";

	public static final Instant GENERATED_AT = Instant.parse("2026-11-16T01:00:00Z");

	public static final int BASELINE_WEEKS = 4;

	public static final String TASK_PROMO = "task-black-friday";

	public static final String TASK_DIGEST = "task-weekly-digest";

	static final Remediation TOKEN_GONE = new Remediation(LossCategory.NOTIFICATIONS_DISABLED,
			RemediationOwner.CLIENT_APP,
			"Token no longer active (app uninstalled or notifications off): expected churn, the client re-registers on next launch.",
			true);

	static final Remediation INVALID_TOKEN = new Remediation(LossCategory.INVALID_TOKEN, RemediationOwner.CLIENT_APP,
			"Invalid token: make the client re-register with the vendor SDK and report the new token.", true);

	static final Remediation DAILY_QUOTA = new Remediation(LossCategory.QUOTA, RemediationOwner.SERVER,
			"Vendor daily message limit reached: spread or reduce pushes, apply for a higher quota.", true);

	static final Remediation CERTIFICATE_NOT_SET = new Remediation(LossCategory.CREDENTIALS, RemediationOwner.CONSOLE,
			"Certificate ID not set: upload the vendor credentials in the Chat console and set the certificate ID in the client.",
			true);

	static final Remediation TOKEN_NOT_UPLOADED = new Remediation(LossCategory.INVALID_TOKEN,
			RemediationOwner.CLIENT_APP,
			"Token not uploaded: the client never reported its device token; check the vendor SDK integration.", true);

	private SampleReports() {
	}

	/** A complete week with every status, one anomaly, two tasks and a 5-week trend. */
	public static WeeklyReport typicalWeek() {
		return build(complete(), lines(), tasks());
	}

	/** {@link #typicalWeek()}'s figures with missing windows in W and W-2. */
	public static WeeklyReport partialWeek() {
		List<WeekCompleteness> weeks = new ArrayList<>(complete().weeks());
		Instant friday = WEEK.monday().plusDays(4).atStartOfDay(ZONE).toInstant();
		Instant saturday = WEEK.monday().plusDays(5).atStartOfDay(ZONE).toInstant();
		Instant sunday = WEEK.monday().plusDays(6).atStartOfDay(ZONE).toInstant();
		weeks.set(0, new WeekCompleteness(WEEK, 10, 8,
				List.of(new MissingRange(LossSource.NORMAL, "", friday, saturday),
						new MissingRange(LossSource.NORMAL, "", saturday, sunday))));
		IsoWeek twoBack = WEEK.minusWeeks(2);
		weeks.set(2, new WeekCompleteness(twoBack, 4, 3, List.of(new MissingRange(LossSource.ALL_MEMBER, TASK_DIGEST,
				twoBack.start(ZONE).toInstant(), twoBack.end(ZONE).toInstant()))));
		return build(new Completeness(weeks), lines(), tasks());
	}

	/** A complete week in which nothing was lost. */
	public static WeeklyReport emptyWeek() {
		List<TaskLoss> tasks = List.of(new TaskLoss(TASK_PROMO, zeroStages(LossSource.ALL_MEMBER), List.of()),
				new TaskLoss(TASK_DIGEST, zeroStages(LossSource.ALL_MEMBER), List.of()));
		List<StageTotal> totals = new ArrayList<>(zeroStages(LossSource.ALL_MEMBER));
		totals.addAll(zeroStages(LossSource.NORMAL));
		return new WeeklyReport(header(), complete(), totals, List.of(), List.of(), new TopMovers(List.of(), List.of()),
				tasks, List.of(), List.of());
	}

	private static List<StageTotal> zeroStages(LossSource source) {
		return List.of(new StageTotal(source, Stage.READY_TO_SEND, WeekOverWeek.ZERO),
				new StageTotal(source, Stage.POST_SEND_DELIVERED, WeekOverWeek.ZERO));
	}

	private static ReportHeader header() {
		List<IsoWeek> baseline = IntStream.rangeClosed(1, BASELINE_WEEKS).mapToObj(WEEK::minusWeeks).toList();
		return new ReportHeader(JOB_NAME, WEEK, ZONE, WEEK.monday(), WEEK.sunday(), SDK_APP_ID, GENERATED_AT, baseline, 1);
	}

	/** One weekly window per week for normal push, push-to-all overall and each of the two tasks. */
	private static Completeness complete() {
		return new Completeness(IntStream.rangeClosed(0, BASELINE_WEEKS)
			.mapToObj((back) -> new WeekCompleteness(WEEK.minusWeeks(back), 4, 4, List.of()))
			.toList());
	}

	/** Counts are W, W-1, W-2, W-3, W-4. */
	private static List<Line> lines() {
		LossSource all = LossSource.ALL_MEMBER;
		LossSource normal = LossSource.NORMAL;
		Stage post = Stage.POST_SEND_DELIVERED;
		Stage ready = Stage.READY_TO_SEND;
		EventType offline = EventType.OFFLINE;
		EventType unspecified = EventType.UNSPECIFIED;
		return List.of(
				new Line(all, Vendor.APNS, post, offline, "410", "Unregistered", CodeStatus.UP, false, TOKEN_GONE,
						1200, 1000, 950, 1020, 980),
				new Line(all, Vendor.HUAWEI, post, offline, "80300007", "invalid token", CodeStatus.UP, true,
						INVALID_TOKEN, 2400, 600, 550, 640, 610),
				new Line(all, Vendor.XIAOMI, post, offline, "10034", "daily message limit", CodeStatus.RESOLVED, false,
						DAILY_QUOTA, 0, 300, 280, 310, 0),
				new Line(all, Vendor.OPPO, post, offline, "regid_invalid", "regid_invalid", CodeStatus.DOWN, false,
						TOKEN_GONE, 450, 500, 480, 520, 510),
				new Line(all, Vendor.FCM, post, offline, "UNREGISTERED", "", CodeStatus.FLAT, false, TOKEN_GONE, 200,
						200, 190, 210, 205),
				new Line(all, Vendor.VIVO, post, offline, "10070", "daily total limit", CodeStatus.NEW, false,
						DAILY_QUOTA, 90, 0, 0, 0, 0),
				new Line(all, Vendor.UNKNOWN, post, EventType.ONLINE, "20001", "", CodeStatus.UP, false,
						Remediation.uncatalogued(), 15, 10, 12, 9, 11),
				new Line(all, Vendor.XIAOMI, ready, offline, "-1", "Certificate id not set", CodeStatus.REGRESSED,
						false, CERTIFICATE_NOT_SET, 130, 0, 0, 120, 0),
				new Line(all, Vendor.APNS, ready, offline, "-2", "token not uploaded", CodeStatus.DOWN, false,
						TOKEN_NOT_UPLOADED, 300, 350, 340, 360, 330),
				new Line(normal, Vendor.APNS, post, unspecified, "410", "Unregistered", CodeStatus.DOWN, false,
						TOKEN_GONE, 800, 820, 790, 810, 805),
				new Line(normal, Vendor.HUAWEI, post, unspecified, "80300007", "invalid token", CodeStatus.UP, false,
						INVALID_TOKEN, 500, 400, 420, 390, 410),
				new Line(normal, Vendor.HONOR, post, unspecified, "80300007", "invalid token", CodeStatus.FLAT, false,
						INVALID_TOKEN, 60, 60, 55, 62, 58),
				new Line(normal, Vendor.MEIZU, post, unspecified, "110003", "illegal pushId", CodeStatus.RESOLVED,
						false, INVALID_TOKEN, 0, 40, 35, 0, 0),
				new Line(normal, Vendor.FCM, ready, unspecified, "-1", "Certificate id not set", CodeStatus.NEW, false,
						CERTIFICATE_NOT_SET, 25, 0, 0, 0, 0));
	}

	private static List<TaskLoss> tasks() {
		return List.of(new TaskLoss(TASK_PROMO,
				List.of(new StageTotal(LossSource.ALL_MEMBER, Stage.READY_TO_SEND, new WeekOverWeek(260, 200)),
						new StageTotal(LossSource.ALL_MEMBER, Stage.POST_SEND_DELIVERED, new WeekOverWeek(2900, 1300))),
				List.of(new TaskCode(Stage.POST_SEND_DELIVERED, "80300007", "invalid token", new WeekOverWeek(1900, 300)),
						new TaskCode(Stage.POST_SEND_DELIVERED, "410", "Unregistered", new WeekOverWeek(700, 600)),
						new TaskCode(Stage.READY_TO_SEND, "-2", "token not uploaded", new WeekOverWeek(180, 200)))),
				new TaskLoss(TASK_DIGEST,
						List.of(new StageTotal(LossSource.ALL_MEMBER, Stage.READY_TO_SEND, new WeekOverWeek(90, 100)),
								new StageTotal(LossSource.ALL_MEMBER, Stage.POST_SEND_DELIVERED,
										new WeekOverWeek(650, 720))),
						List.of(new TaskCode(Stage.POST_SEND_DELIVERED, "410", "Unregistered",
								new WeekOverWeek(400, 380)),
								new TaskCode(Stage.POST_SEND_DELIVERED, "regid_invalid", "regid_invalid",
										new WeekOverWeek(150, 200)),
								new TaskCode(Stage.READY_TO_SEND, "-2", "token not uploaded", new WeekOverWeek(90, 100)))));
	}

	private static WeeklyReport build(Completeness completeness, List<Line> lines, List<TaskLoss> tasks) {
		List<CodeLoss> codes = lines.stream()
			.sorted(Comparator.comparing(Line::source)
				.thenComparing(Line::stage)
				.thenComparing((Line line) -> -line.weeks()[0])
				.thenComparing((Line line) -> -line.weeks()[1])
				.thenComparing((Line line) -> line.vendor().code())
				.thenComparing(Line::code))
			.map(Line::toCodeLoss)
			.toList();
		List<StageTotal> totals = new ArrayList<>();
		List<VendorLoss> vendors = new ArrayList<>();
		List<EventTypeSplit> eventTypes = new ArrayList<>();
		for (LossSource source : LossSource.values()) {
			for (Stage stage : Stage.values()) {
				List<Line> stageLines = lines.stream()
					.filter((line) -> line.source() == source && line.stage() == stage)
					.toList();
				WeekOverWeek total = sum(stageLines);
				totals.add(new StageTotal(source, stage, total));
				Map<Vendor, List<Line>> byVendor = group(stageLines, Line::vendor);
				byVendor.entrySet()
					.stream()
					.map((entry) -> {
						WeekOverWeek counts = sum(entry.getValue());
						double share = (total.thisWeek() == 0) ? 0 : (double) counts.thisWeek() / total.thisWeek();
						return new VendorLoss(source, entry.getKey(), stage, counts, share);
					})
					.sorted(Comparator.comparingLong((VendorLoss vendor) -> -vendor.counts().thisWeek())
						.thenComparingLong((vendor) -> -vendor.counts().lastWeek())
						.thenComparingInt((vendor) -> vendor.vendor().code()))
					.forEach(vendors::add);
				Map<EventType, List<Line>> byType = group(stageLines, Line::eventType);
				byType.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.forEach((entry) -> eventTypes
						.add(new EventTypeSplit(source, stage, entry.getKey(), sum(entry.getValue()))));
			}
		}
		List<TrendPoint> trend = new ArrayList<>();
		for (LossSource source : LossSource.values()) {
			Map<Vendor, List<Line>> byVendor = group(lines.stream().filter((line) -> line.source() == source).toList(),
					Line::vendor);
			byVendor.keySet().stream().sorted().forEach((vendor) -> {
				for (int back = BASELINE_WEEKS; back >= 0; back--) {
					int index = back;
					long count = byVendor.get(vendor).stream().mapToLong((line) -> line.weeks()[index]).sum();
					trend.add(new TrendPoint(source, vendor, WEEK.minusWeeks(back), count));
				}
			});
		}
		Comparator<CodeLoss> byDelta = Comparator.comparingLong((CodeLoss code) -> Math.abs(code.counts().delta()))
			.reversed();
		TopMovers movers = new TopMovers(
				codes.stream().filter((code) -> code.counts().delta() > 0).sorted(byDelta).limit(5).toList(),
				codes.stream().filter((code) -> code.counts().delta() < 0).sorted(byDelta).limit(5).toList());
		return new WeeklyReport(header(), completeness, totals, vendors, codes, movers, tasks, eventTypes, trend);
	}

	private static WeekOverWeek sum(List<Line> lines) {
		return lines.stream().map(Line::counts).reduce(WeekOverWeek.ZERO, WeekOverWeek::plus);
	}

	private static <K> Map<K, List<Line>> group(List<Line> lines, java.util.function.Function<Line, K> key) {
		Map<K, List<Line>> groups = new LinkedHashMap<>();
		lines.forEach((line) -> groups.computeIfAbsent(key.apply(line), (k) -> new ArrayList<>()).add(line));
		return groups;
	}

	private record Line(LossSource source, Vendor vendor, Stage stage, EventType eventType, String code, String info,
			CodeStatus status, boolean anomaly, Remediation remediation, long... weeks) {

		WeekOverWeek counts() {
			return new WeekOverWeek(this.weeks[0], this.weeks[1]);
		}

		CodeLoss toCodeLoss() {
			List<Long> baseline = IntStream.rangeClosed(1, BASELINE_WEEKS).mapToObj((i) -> this.weeks[i]).toList();
			return new CodeLoss(this.source, this.vendor, this.stage, this.code, this.info, counts(), this.status,
					Baseline.of(baseline), this.anomaly, this.remediation);
		}

	}

}
