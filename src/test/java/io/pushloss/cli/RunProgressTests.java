package io.pushloss.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchProgressListener.Progress;
import io.pushloss.ingest.TestJobs;
import io.pushloss.job.RunStep;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The progress of run and backfill: one line per step when standard error is not a terminal, a bar redrawn in place
 * on a terminal. Time comes from a fake monotonic clock, so the rates and estimates are exact.
 */
class RunProgressTests {

	private static final IsoWeek W45 = IsoWeek.parse("2026-W45");

	private static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	private final JobDefinition job = TestJobs.job("bar", 1001, "Asia/Shanghai", Period.ofDays(7), 1, true,
			List.of());

	private final StringWriter err = new StringWriter();

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void printsOneLinePerStepAndNonePerWindowWhenNotOnATerminal() {
		RunProgress progress = progress(List.of(W46), false, false, 1.0);

		progress.stepStarted("bar", W46, RunStep.FETCH);
		progress.progress(new Progress("bar", W46, 40, 140, 0));
		for (int done = 41; done <= 140; done++) {
			this.nanos.addAndGet(1_000_000_000L);
			progress.progress(new Progress("bar", W46, done, 140, done - 40));
		}
		progress.stepEnded("bar", W46, RunStep.FETCH, true);
		for (RunStep step : List.of(RunStep.ANALYSIS, RunStep.EXCEL, RunStep.PDF, RunStep.DELIVERY)) {
			progress.stepStarted("bar", W46, step);
			this.nanos.addAndGet(2_500_000_000L);
			progress.stepEnded("bar", W46, step, step != RunStep.DELIVERY);
		}
		progress.endWeek();

		assertThat(this.err.toString().lines()).containsExactly(
				"bar 2026-W46: fetch: 140 windows planned, 40 already stored, 100 to fetch (about 1m40s at 1 call/s)",
				"bar 2026-W46: fetch: 140/140 windows stored, 100 calls in 1m40s (1 call/s)",
				"bar 2026-W46: analysis done in 2.5s", "bar 2026-W46: Excel done in 2.5s",
				"bar 2026-W46: PDF done in 2.5s", "bar 2026-W46: archive and email ended early after 2.5s");
		assertThat(this.err.toString()).doesNotContain("\r");
		assertThat(progress.calls()).isEqualTo(100);
	}

	@Test
	void saysWhenEveryWindowIsAlreadyStoredAndWhichWeekOfABackfillRuns() {
		RunProgress progress = progress(List.of(W45, W46), true, false, 20);

		progress.startWeek(W45);
		progress.stepStarted("bar", W45, RunStep.FETCH);
		progress.progress(new Progress("bar", W45, 4, 4, 0));
		progress.stepEnded("bar", W45, RunStep.FETCH, true);
		progress.endWeek();
		progress.startWeek(W46);
		progress.stepStarted("bar", W46, RunStep.FETCH);
		progress.progress(new Progress("bar", W46, 2, 4, 0));
		this.nanos.addAndGet(200_000_000L);
		progress.progress(new Progress("bar", W46, 4, 4, 2));
		progress.stepEnded("bar", W46, RunStep.FETCH, false);

		assertThat(this.err.toString().lines()).containsExactly("backfill bar: week 2026-W45 (1 of 2)",
				"bar 2026-W45: fetch: 4 windows planned, 4 already stored, nothing to fetch",
				"bar 2026-W45: fetch: 4/4 windows stored, 0 calls in 0s", "backfill bar: week 2026-W46 (2 of 2)",
				"bar 2026-W46: fetch: 4 windows planned, 2 already stored, 2 to fetch (about 0s at 20 calls/s)",
				"bar 2026-W46: fetch: ended early at 4/4 windows stored, 2 calls in 0s (10 calls/s)");
		assertThat(progress.calls()).isEqualTo(2);
	}

	@Test
	void redrawsTheBarInPlaceOnATerminalAndClearsItBeforeTheNextLine() {
		RunProgress progress = progress(List.of(W46), false, true, 1.0);

		progress.stepStarted("bar", W46, RunStep.FETCH);
		progress.progress(new Progress("bar", W46, 0, 4, 0));
		this.nanos.addAndGet(3_000_000_000L);
		progress.progress(new Progress("bar", W46, 3, 4, 3));
		progress.progress(new Progress("bar", W46, 4, 4, 4));
		progress.stepEnded("bar", W46, RunStep.FETCH, true);

		assertThat(this.err.toString()).isEqualTo(
				"bar 2026-W46: fetch: 4 windows planned, 0 already stored, 4 to fetch (about 4s at 1 call/s)\n"
						.replace("\n", System.lineSeparator())
						+ "\r\033[Kbar 2026-W46 [........................] 0/4 windows  - calls/s  ~4s left"
						+ "\r\033[Kbar 2026-W46 [##################......] 3/4 windows  1.00 calls/s  ~1s left"
						+ "\r\033[K" + "bar 2026-W46: fetch: 4/4 windows stored, 4 calls in 3s (1.33 calls/s)"
						+ System.lineSeparator());
	}

	@Test
	void rendersTheBarAsAPureFunctionOfWhatItShows() {
		assertThat(RunProgress.bar(new RunProgress.Bar("demo", W46, false, 1, 1, 53, 140, 0.981,
				Duration.ofSeconds(89))))
			.isEqualTo("demo 2026-W46 [#########...............] 53/140 windows  0.98 calls/s  ~1m29s left");
		assertThat(RunProgress.bar(new RunProgress.Bar("demo", W45, true, 2, 3, 140, 140, 19.6, Duration.ZERO)))
			.isEqualTo("demo week 2/3 2026-W45 [########################] 140/140 windows  19.60 calls/s  ~0s left");
		assertThat(RunProgress.bar(new RunProgress.Bar("demo", W45, false, 1, 1, 0, 0, Double.NaN, Duration.ZERO)))
			.as("an empty plan is complete").contains("[########################] 0/0 windows  - calls/s");
	}

	@Test
	void drawsNothingForAWeekThatIsSkipped() {
		RunProgress progress = progress(List.of(W45, W46), true, true, 1.0);

		progress.startWeek(W45);
		progress.endWeek();

		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void needsAPositiveRate() {
		assertThatIllegalArgumentException().isThrownBy(() -> progress(List.of(W46), false, false, 0));
	}

	private RunProgress progress(List<IsoWeek> weeks, boolean backfill, boolean terminal, double callsPerSecond) {
		return new RunProgress(this.job, weeks, backfill, terminal, new PrintWriter(this.err), callsPerSecond,
				this.nanos::get);
	}

}
