package io.pushloss.job;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;

import static org.assertj.core.api.Assertions.assertThat;

/** How a run's calls read: every request the vendor received, with the retried ones beside them when there are. */
class RunOutcomeTests {

	private static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	@Test
	void callsReadAsTheRequestsSentWithTheRetriedOnesOnlyWhenThereAreAny() {
		assertThat(RunOutcome.ended(RunOutcome.Status.COMPLETED, W46, 1, 44, 44, 47, 3, "done").callsText())
			.isEqualTo("47 calls (3 retried)");
		assertThat(RunOutcome.ended(RunOutcome.Status.COMPLETED, W46, 1, 44, 44, 44, 0, "done").callsText())
			.isEqualTo("44 calls");
		assertThat(RunOutcome.callsText(1, 0)).isEqualTo("1 call");
	}

}
