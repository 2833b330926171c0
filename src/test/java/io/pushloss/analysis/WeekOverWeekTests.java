package io.pushloss.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeekOverWeekTests {

	@Test
	void oneThirdMoreIsRoundedToOneDecimal() {
		WeekOverWeek counts = new WeekOverWeek(4, 3);
		assertThat(counts.percentChange()).isEqualTo(0.3333);
		assertThat(counts.percentLabel()).isEqualTo("+33.3%");
	}

	@Test
	void percentIsUndefinedAndLabelledNewWhenLastWeekWasZero() {
		WeekOverWeek counts = new WeekOverWeek(500, 0);
		assertThat(counts.percentChange()).isNull();
		assertThat(counts.percentLabel()).isEqualTo("new");
		assertThat(counts.delta()).isEqualTo(500);
	}

	@Test
	void nothingThisWeekIsMinusOneHundredPercent() {
		assertThat(new WeekOverWeek(0, 300).percentLabel()).isEqualTo("-100.0%");
	}

	@Test
	void twoThirdsLessRoundsHalfUp() {
		assertThat(new WeekOverWeek(1, 3).percentLabel()).isEqualTo("-66.7%");
		assertThat(new WeekOverWeek(0, 0).percentLabel()).isEqualTo("0.0%");
		assertThat(new WeekOverWeek(7, 7).percentLabel()).isEqualTo("0.0%");
	}

}
