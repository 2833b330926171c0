package io.pushloss.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;
import io.pushloss.job.EmailState;
import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of {@code runs} as a pure function of the runs: one vocabulary for windows, times with their zone. */
class RunsPrinterTests {

	@Test
	void aCompletedWeekWhoseBaselineWasStoredReadsCompleteAndShowsWhatItCost() {
		RunSummary week = new RunSummary(7, "demo", IsoWeek.parse("2026-W47"), RunStatus.COMPLETED,
				Instant.parse("2026-11-24T01:00:00Z"), Duration.ofSeconds(31), 140, 140, 28, 28, false, false,
				EmailState.DISABLED, "/data/archive/demo/2026/2026-W47", "headline", null, List.of());

		String table = print(List.of(week), ZoneId.of("Asia/Shanghai"));

		assertThat(table.lines().toList().get(1).split(" {2,}")).containsExactly("7", "demo", "2026-W47",
				"COMPLETED", "2026-11-24 09:00 +08:00", "31s", "140/140", "28", "no", "not asked",
				"/data/archive/demo/2026/2026-W47");
	}

	@Test
	void callsAreTheRequestsTheVendorReceivedWithTheRetriedOnesBesideThem() {
		RunSummary week = new RunSummary(8, "demo", IsoWeek.parse("2026-W47"), RunStatus.COMPLETED,
				Instant.parse("2026-11-24T01:00:00Z"), Duration.ofSeconds(40), 44, 44, 44, 47, 3, false, false,
				EmailState.DISABLED, null, "headline", null, List.of(), List.of());

		assertThat(print(List.of(week), ZoneId.of("UTC")).lines().toList().get(1).split(" {2,}")[7])
			.isEqualTo("47 (3 retried)");
		StringWriter json = new StringWriter();
		RunsPrinter.print(List.of(week), null, true, new PrintWriter(json), ZoneId.of("UTC"));
		assertThat(json.toString()).contains("\"calls\" : 47").contains("\"retriedCalls\" : 3");
	}

	@Test
	void startTimesCarryTheOffsetOfTheZoneTheyAreShownIn() {
		RunSummary run = new RunSummary(1, "demo", IsoWeek.parse("2026-W46"), RunStatus.FAILED,
				Instant.parse("2026-11-17T01:00:00Z"), Duration.ofSeconds(5), 140, 10, 10, 11, false, false, null,
				null, null, "vendor down", List.of());

		assertThat(print(List.of(run), ZoneId.of("America/Los_Angeles"))).contains("2026-11-16 17:00 -08:00")
			.contains(" 10/140 ");
		assertThat(print(List.of(run), ZoneId.of("UTC"))).contains("2026-11-17 01:00 +00:00");
	}

	private static String print(List<RunSummary> runs, ZoneId zone) {
		StringWriter text = new StringWriter();
		RunsPrinter.print(runs, null, false, new PrintWriter(text), zone);
		return text.toString();
	}

}
