package io.pushloss.analysis;

import org.junit.jupiter.api.Test;

import io.pushloss.analysis.LossFigures.DescriptionKey;
import io.pushloss.analysis.LossFigures.StageCount;
import io.pushloss.domain.CountOverflowException;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WeekRowsTests {

	private static final Stage READY = Stage.READY_TO_SEND;

	@Test
	void sumsStageLevelRowsAcrossEventTypesAndWindowsButNotVendorRows() {
		WeekRows rows = new WeekRows();
		rows.add(0, LossSource.ALL_MEMBER, "t1", -1, READY, 1, "70001", 5, "a", 100);
		rows.add(0, LossSource.ALL_MEMBER, "t1", -1, READY, 2, "70001", 7, "a", 200);
		rows.add(1, LossSource.ALL_MEMBER, "t1", -1, READY, 1, "70001", 3, "a", 50);
		rows.add(0, LossSource.ALL_MEMBER, "", 4, READY, 1, "70001", 11, "a", 100);

		assertThat(rows.stageCounts()).containsExactlyInAnyOrder(
				new StageCount(0, LossSource.ALL_MEMBER, "t1", READY, "70001", 12),
				new StageCount(1, LossSource.ALL_MEMBER, "t1", READY, "70001", 3));
	}

	@Test
	void aTotalBeyond64BitsFailsNamingTheFigureInsteadOfWrapping() {
		WeekRows rows = new WeekRows();
		rows.add(0, LossSource.ALL_MEMBER, "t1", -1, READY, 1, "70001", Long.MAX_VALUE, "a", 100);

		assertThatExceptionOfType(CountOverflowException.class)
			.isThrownBy(() -> rows.add(0, LossSource.ALL_MEMBER, "t1", -1, READY, 2, "70001", 1, "a", 200))
			.withMessage("the total of all_member_push_loss task t1 READY_TO_SEND ErrCode 70001 exceeds 64 bits ("
					+ Long.MAX_VALUE + " + 1): the stored counts cannot be added up");
	}

	@Test
	void describesACodeByItsLargestRowOfTheReportWeekBeforeAnyOfTheWeekBefore() {
		WeekRows rows = new WeekRows();
		rows.add(1, LossSource.NORMAL, "", -1, READY, 0, "1", 900, "last week's", 100);
		rows.add(0, LossSource.NORMAL, "", -1, READY, 0, "1", 0, "zero", 300);
		rows.add(0, LossSource.NORMAL, "", -1, READY, 0, "1", 4, "small", 200);
		rows.add(0, LossSource.NORMAL, "", -1, READY, 0, "1", 9, "largest", 100);
		rows.add(1, LossSource.NORMAL, "", -1, READY, 0, "2", 3, "only last week", 100);

		assertThat(rows.descriptions()).containsEntry(key("1"), "largest").containsEntry(key("2"), "only last week");
	}

	@Test
	void breaksTiesByANonEmptyTextThenTheLatestWindowThenEventTypeAndText() {
		WeekRows empty = new WeekRows();
		empty.add(0, LossSource.NORMAL, "", -1, READY, 0, "1", 5, "", 300);
		empty.add(0, LossSource.NORMAL, "", -1, READY, 0, "1", 5, "text", 100);
		WeekRows latest = new WeekRows();
		latest.add(0, LossSource.NORMAL, "", -1, READY, 0, "1", 5, "older", 100);
		latest.add(0, LossSource.NORMAL, "", -1, READY, 0, "1", 5, "newer", 200);
		WeekRows sameWindow = new WeekRows();
		sameWindow.add(0, LossSource.NORMAL, "", -1, READY, 2, "1", 5, "a online", 100);
		sameWindow.add(0, LossSource.NORMAL, "", -1, READY, 1, "1", 5, "z offline", 100);
		sameWindow.add(0, LossSource.NORMAL, "", -1, READY, 1, "1", 5, "b offline", 100);

		assertThat(empty.descriptions()).containsEntry(key("1"), "text");
		assertThat(latest.descriptions()).containsEntry(key("1"), "newer");
		assertThat(sameWindow.descriptions()).containsEntry(key("1"), "b offline");
	}

	private static DescriptionKey key(String code) {
		return new DescriptionKey(LossSource.NORMAL, "", -1, READY, code);
	}

}
