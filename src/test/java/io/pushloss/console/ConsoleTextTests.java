package io.pushloss.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the console writes schedules, durations and instants for people. */
class ConsoleTextTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0 0 9 ? * MON      | every Monday at 09:00
			0 30 7 ? * 2       | every Monday at 07:30
			0 0 18 ? * fri     | every Friday at 18:00
			0 5 0 * * ?        | every day at 00:05
			0 0 9 ? * MON-FRI  | on its cron
			0/2 * 9 * * ?      | on its cron
			0 0 3 1 1 ? 2099   | on its cron
			""")
	void writesPlainDailyAndWeeklySchedulesInWordsAndLeavesOthersToTheirCron(String cron, String words) {
		assertThat(ConsoleText.cronInWords(cron)).isEqualTo(words);
	}

	@Test
	void writesDurationsShortAndInstantsInTheJobsZone() {
		assertThat(ConsoleText.duration(Duration.ofSeconds(125))).isEqualTo("2m05s");
		assertThat(ConsoleText.duration(Duration.ofSeconds(42))).isEqualTo("42s");
		assertThat(ConsoleText.duration(Duration.ofMinutes(62))).isEqualTo("1h02m");
		assertThat(ConsoleText.duration(null)).isEmpty();
		assertThat(ConsoleText.when(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Shanghai")))
			.isEqualTo("Mon 2026-11-23 09:00 Asia/Shanghai");
	}

	@Test
	void quotesAtMostSixtyCharactersWithoutControlCharacters() {
		assertThat(ConsoleText.shorten("a\nb")).isEqualTo("a?b");
		assertThat(ConsoleText.shorten("x".repeat(100))).hasSize(60).endsWith("...");
	}

}
