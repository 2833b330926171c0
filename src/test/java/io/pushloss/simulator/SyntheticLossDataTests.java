package io.pushloss.simulator;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticLossDataTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final IsoWeek DEMO_WEEK = IsoWeek.parse("2026-W46");

	private final SyntheticLossData data = new SyntheticLossData(42, SHANGHAI);

	@ParameterizedTest
	@CsvSource({ "ALL_MEMBER, ''", "ALL_MEMBER, campaign-2026-11-black-friday", "NORMAL, ''" })
	void dailyWindowsOfAWeekAddUpToTheWeeklyWindow(LossSource source, String taskId) {
		long start = DEMO_WEEK.start(SHANGHAI).toEpochSecond();
		long end = DEMO_WEEK.end(SHANGHAI).toEpochSecond();
		Map<String, Long> daily = new HashMap<>();
		for (int day = 0; day < 7; day++) {
			long dayStart = DEMO_WEEK.start(SHANGHAI).plusDays(day).toEpochSecond();
			long dayEnd = DEMO_WEEK.start(SHANGHAI).plusDays(day + 1).toEpochSecond();
			SignedCalls.sums(this.data.rows(source, taskId, dayStart, dayEnd))
				.forEach((key, count) -> daily.merge(key, count, Long::sum));
		}
		Map<String, Long> weekly = SignedCalls.sums(this.data.rows(source, taskId, start, end));
		assertThat(weekly).isNotEmpty().isEqualTo(daily);
	}

	@Test
	void rangesSplitAtArbitrarySecondsStillAddUp() {
		long start = DEMO_WEEK.start(SHANGHAI).toEpochSecond() + 1234;
		long middle = start + 200_000 + 17;
		long end = start + 604_800 - 99;
		Map<String, Long> parts = new HashMap<>(SignedCalls.sums(this.data.rows(LossSource.ALL_MEMBER, "", start, middle)));
		SignedCalls.sums(this.data.rows(LossSource.ALL_MEMBER, "", middle, end))
			.forEach((key, count) -> parts.merge(key, count, Long::sum));
		assertThat(SignedCalls.sums(this.data.rows(LossSource.ALL_MEMBER, "", start, end))).isEqualTo(parts);
	}

	@Test
	void stageRowsAreTheSumOfThePlatformRowsPerCode() {
		List<LossRow> rows = weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK);
		Map<String, Long> platform = new HashMap<>();
		Map<String, Long> stage = new HashMap<>();
		for (LossRow row : rows) {
			(row.isPlatformRow() ? platform : stage).merge(row.stage() + "|" + row.errCode(), row.errCount(),
					Long::sum);
		}
		assertThat(stage).isNotEmpty().isEqualTo(platform);
		assertThat(rows).filteredOn(row -> !row.isPlatformRow())
			.allSatisfy(row -> assertThat(row.eventType()).isEqualTo(EventType.UNSPECIFIED));
	}

	@Test
	void sameSeedGivesSameRowsAndAnotherSeedOtherRows() {
		List<LossRow> first = weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK);
		List<LossRow> again = new SyntheticLossData(42, SHANGHAI).rows(LossSource.ALL_MEMBER, "",
				DEMO_WEEK.start(SHANGHAI).toEpochSecond(), DEMO_WEEK.end(SHANGHAI).toEpochSecond());
		List<LossRow> otherSeed = new SyntheticLossData(43, SHANGHAI).rows(LossSource.ALL_MEMBER, "",
				DEMO_WEEK.start(SHANGHAI).toEpochSecond(), DEMO_WEEK.end(SHANGHAI).toEpochSecond());
		assertThat(again).isEqualTo(first);
		assertThat(otherSeed).isNotEqualTo(first);
	}

	@Test
	void streamsDifferAndTasksAreSmallerThanOverall() {
		long overall = total(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK));
		long task = total(weekRows(LossSource.ALL_MEMBER, "task-a", DEMO_WEEK));
		long otherTask = total(weekRows(LossSource.ALL_MEMBER, "task-b", DEMO_WEEK));
		long normal = total(weekRows(LossSource.NORMAL, "", DEMO_WEEK));
		assertThat(task).isPositive().isLessThan(overall / 4).isNotEqualTo(otherTask);
		assertThat(normal).isNotEqualTo(overall);
		assertThat(weekRows(LossSource.ALL_MEMBER, "task-a", DEMO_WEEK))
			.allSatisfy(row -> assertThat(row.taskId()).isEqualTo("task-a"));
	}

	@Test
	void normalPushRowsCarryNoEventTypeWhileAllMemberRowsDo() {
		assertThat(weekRows(LossSource.NORMAL, "", DEMO_WEEK))
			.allSatisfy(row -> assertThat(row.eventType()).isEqualTo(EventType.UNSPECIFIED));
		assertThat(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK)).filteredOn(LossRow::isPlatformRow)
			.extracting(LossRow::eventType)
			.contains(EventType.OFFLINE, EventType.ONLINE)
			.doesNotContain(EventType.UNSPECIFIED);
		assertThat(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK))
			.filteredOn(row -> row.eventType() == EventType.ONLINE)
			.allSatisfy(row -> assertThat(row.vendor()).isEqualTo(Vendor.UNKNOWN));
	}

	@Test
	void weekendsOfPushToAllAreQuieterThanWeekdays() {
		long monday = total(dayRows(LossSource.ALL_MEMBER, 0));
		long sunday = total(dayRows(LossSource.ALL_MEMBER, 6));
		assertThat(sunday).isLessThan(monday);
	}

	@Test
	void theDemoWeekHasANewRareCodeAndResolvesLastWeeksOne() {
		LossCode rare = PlantedEvents.rareCode(DEMO_WEEK);
		LossCode previous = PlantedEvents.rareCode(DEMO_WEEK.minusWeeks(1));
		assertThat(rare).isNotEqualTo(previous);
		for (String taskId : List.of("", "campaign-42")) {
			assertThat(count(weekRows(LossSource.ALL_MEMBER, taskId, DEMO_WEEK), rare)).isPositive();
			assertThat(count(weekRows(LossSource.ALL_MEMBER, taskId, DEMO_WEEK), previous)).isZero();
			for (int back = 1; back <= 4; back++) {
				assertThat(count(weekRows(LossSource.ALL_MEMBER, taskId, DEMO_WEEK.minusWeeks(back)), rare))
					.as("rare code %s in %s", rare, DEMO_WEEK.minusWeeks(back))
					.isZero();
			}
		}
		assertThat(count(weekRows(LossSource.NORMAL, "", DEMO_WEEK), rare)).isPositive();
		assertThat(count(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK.minusWeeks(1)), previous)).isPositive();
	}

	@Test
	void everyWeekHasARareCodeAbsentFromTheFourWeeksBefore() {
		IsoWeek first = IsoWeek.parse("2025-W01");
		IntStream.range(0, 60).mapToObj(first::plusWeeks).forEach(week -> {
			LossCode rare = PlantedEvents.rareCode(week);
			for (int back = 1; back <= 4; back++) {
				assertThat(PlantedEvents.rareCode(week.minusWeeks(back))).isNotEqualTo(rare);
			}
		});
	}

	@Test
	void theDemoWeekHasAHuaweiInvalidTokenSpike() {
		assertThat(PlantedEvents.isSpikeWeek(DEMO_WEEK)).isTrue();
		long spike = count(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK), PlantedEvents.SPIKE_CODE);
		double mean = IntStream.rangeClosed(1, 4)
			.mapToLong(back -> count(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK.minusWeeks(back)),
					PlantedEvents.SPIKE_CODE))
			.average()
			.orElseThrow();
		assertThat(IntStream.rangeClosed(1, 4).mapToObj(DEMO_WEEK::minusWeeks)).noneMatch(PlantedEvents::isSpikeWeek);
		assertThat((double) spike).isGreaterThan(2 * mean).isGreaterThan(mean + 100);
		assertThat(PlantedEvents.SPIKE_CODE.vendor()).isEqualTo(Vendor.HUAWEI);
		assertThat(PlantedEvents.SPIKE_CODE.stage()).isEqualTo(Stage.POST_SEND_DELIVERED);
	}

	@Test
	void theFiguresQuotedInTheDocumentationHold() {
		assertThat(count(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK), PlantedEvents.SPIKE_CODE)).isEqualTo(10_648);
		assertThat(count(weekRows(LossSource.ALL_MEMBER, "", DEMO_WEEK), PlantedEvents.rareCode(DEMO_WEEK)))
			.isEqualTo(286);
		assertThat(PlantedEvents.rareCode(DEMO_WEEK).errCode()).isEqualTo("THIRD_PARTY_AUTH_ERROR");
		assertThat(PlantedEvents.rareCode(DEMO_WEEK.minusWeeks(1)).errCode()).isEqualTo("10094");
	}

	@Test
	void anEmptyRangeHasNoRows() {
		long start = DEMO_WEEK.start(SHANGHAI).toEpochSecond();
		assertThat(this.data.rows(LossSource.ALL_MEMBER, "", start, start)).isEmpty();
		assertThat(this.data.rows(LossSource.ALL_MEMBER, "", start + 1, start + 3599)).isEmpty();
	}

	private List<LossRow> weekRows(LossSource source, String taskId, IsoWeek week) {
		return this.data.rows(source, taskId, week.start(SHANGHAI).toEpochSecond(), week.end(SHANGHAI).toEpochSecond());
	}

	private List<LossRow> dayRows(LossSource source, int day) {
		return this.data.rows(source, "", DEMO_WEEK.start(SHANGHAI).plusDays(day).toEpochSecond(),
				DEMO_WEEK.start(SHANGHAI).plusDays(day + 1).toEpochSecond());
	}

	private static long count(List<LossRow> rows, LossCode code) {
		return rows.stream()
			.filter(row -> row.isPlatformRow() && row.vendor() == code.vendor() && row.stage() == code.stage()
					&& row.errCode().equals(code.errCode()))
			.mapToLong(LossRow::errCount)
			.sum();
	}

	private static long total(List<LossRow> rows) {
		return rows.stream().filter(LossRow::isPlatformRow).mapToLong(LossRow::errCount).sum();
	}

}
