package io.pushloss.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchProgressListener.Progress;
import io.pushloss.ingest.TestJobs;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** backfill's progress: plain lines for logs and pipes, a bar redrawn in place on a terminal. */
class BackfillProgressTests {

	private static final IsoWeek W45 = IsoWeek.parse("2026-W45");

	private static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	/** Two windows a week (overall and normal push, P7D); a report week plans its baseline week too. */
	private final JobDefinition job = TestJobs.job("bar", 1001, "Asia/Shanghai", Period.ofDays(7), 1, true,
			List.of());

	private final StringWriter err = new StringWriter();

	@Test
	void printsALinePerWeekAndPerTenthOfItsWindowsWithTheTimeLeftAtTheRateLimit() {
		BackfillProgress progress = progress(false, 0.5);

		progress.startWeek(W45);
		progress.progress(new Progress("bar", W45, 2, 4, 0));
		progress.progress(new Progress("bar", W45, 3, 4, 1));
		progress.progress(new Progress("bar", W45, 4, 4, 3));
		progress.endWeek();
		progress.startWeek(W46);
		progress.progress(new Progress("bar", W46, 2, 4, 0));
		progress.progress(new Progress("bar", W46, 2, 4, 0));
		progress.endWeek();

		// W45: 2 windows left plus W46's 2, at 0.5 calls per second; W46 counts W45's 3 calls.
		assertThat(this.err.toString().lines()).containsExactly("backfill bar: week 2026-W45 (1/2)",
				"  2026-W45: 2/4 windows, 0 calls so far, about 8s left at the rate limit",
				"  2026-W45: 3/4 windows, 1 call so far, about 6s left at the rate limit",
				"  2026-W45: 4/4 windows, 3 calls so far, about 4s left at the rate limit",
				"backfill bar: week 2026-W46 (2/2)",
				"  2026-W46: 2/4 windows, 3 calls so far, about 4s left at the rate limit");
		assertThat(this.err.toString()).doesNotContain("\r");
		assertThat(progress.calls()).isEqualTo(3);
	}

	@Test
	void printsAtMostElevenLinesForAWeekOfManyWindows() {
		BackfillProgress progress = progress(false, 1.0);

		progress.startWeek(W46);
		for (int done = 0; done <= 140; done++) {
			progress.progress(new Progress("bar", W46, done, 140, done));
		}

		assertThat(this.err.toString().lines()).hasSize(12)
			.last()
			.isEqualTo("  2026-W46: 140/140 windows, 140 calls so far, about 0s left at the rate limit");
	}

	@Test
	void redrawsOneLineOnATerminalAndClearsItWhenTheWeekEnds() {
		BackfillProgress progress = progress(true, 1.0);

		progress.startWeek(W45);
		progress.progress(new Progress("bar", W45, 1, 4, 1));
		progress.progress(new Progress("bar", W45, 4, 4, 4));
		progress.endWeek();

		assertThat(this.err.toString()).isEqualTo(
				"\r\033[Kbar 2026-W45 (week 1/2) [######..................] 1/4 windows, 1 call, ~5s left"
						+ "\r\033[Kbar 2026-W45 (week 1/2) [########################] 4/4 windows, 4 calls, ~2s left"
						+ "\r\033[K");
	}

	@Test
	void drawsNothingForAWeekThatIsSkipped() {
		BackfillProgress progress = progress(true, 1.0);

		progress.startWeek(W45);
		progress.endWeek();

		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void needsAPositiveRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> progress(false, 0));
	}

	private BackfillProgress progress(boolean terminal, double callsPerSecond) {
		return new BackfillProgress(this.job, List.of(W45, W46), terminal, new PrintWriter(this.err),
				callsPerSecond);
	}

}
