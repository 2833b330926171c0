package io.pushloss.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.domain.IsoWeek;
import io.pushloss.job.EmailState;
import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSchedules;
import io.pushloss.simulator.FaultSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backfill} end to end: the real application on a temporary data directory, against a simulator the test
 * controls. Each week of these jobs is two windows (overall and normal push, P7D), and a report week also needs
 * its baseline week.
 */
class BackfillCommandTests {

	private static final OperationsCli cli = new OperationsCli();

	@TempDir
	Path dir;

	@BeforeEach
	void noFaults() {
		cli.simulator.faults(FaultSettings.none());
	}

	@AfterAll
	static void stopSimulator() {
		cli.close();
	}

	@Test
	void runsTheWeeksNotYetCompleteAndSkipsTheOneAlreadyDone() throws Exception {
		Path job = cli.writeJob(this.dir, "skip");
		Path data = this.dir.resolve("data");
		assertThat(cli.execute("run", job.toString(), "--week", "2026-W45", "--data-dir", data.toString()))
			.isZero();
		long callsBefore = cli.simulator.calls();

		int exitCode = cli.execute("backfill", job.toString(), "--from", "2026-W44", "--to", "2026-W46",
				"--data-dir", data.toString());

		assertThat(exitCode).as(cli.err()).isZero();
		assertThat(cli.outLines()).filteredOn((line) -> line.startsWith("skip 2026-W"))
			.satisfiesExactly((line) -> assertThat(line).matches("skip 2026-W44: COMPLETED in \\d+s"),
					(line) -> assertThat(line).isEqualTo("skip 2026-W45: skipped, already complete (--force refreshes it)"),
					(line) -> assertThat(line).matches("skip 2026-W46: COMPLETED in \\d+s"));
		assertThat(cli.out()).contains("  fetched:   2 of 4 windows with 2 calls (2 were already stored)")
			.contains("  email:     not sent: not asked for (run --no-email, backfill without --email)")
			.endsWith("Backfill 2026-W44 to 2026-W46 of job 'skip': 2 run, 1 skipped, no email sent "
					+ "(--email sends them).\n");
		assertThat(cli.simulator.calls() - callsBefore).as("W43 and W44 for W44, W46 for W46").isEqualTo(4);
		assertThat(cli.err()).contains("backfill skip: week 2026-W44 (1 of 3)", "backfill skip: week 2026-W45 (2 of 3)",
				"backfill skip: week 2026-W46 (3 of 3)");
		assertThat(cli.history(data)).extracting(RunSummary::week, RunSummary::status, RunSummary::emailState)
			.containsExactly(tuple(IsoWeek.parse("2026-W46"), RunStatus.COMPLETED, EmailState.DISABLED), tuple(IsoWeek.parse("2026-W44"), RunStatus.COMPLETED, EmailState.DISABLED),
					tuple(IsoWeek.parse("2026-W45"), RunStatus.COMPLETED, EmailState.OUTBOX));
		assertThat(data.resolve("archive/skip/2026")).isDirectoryContaining("glob:**/2026-W44")
			.isDirectoryContaining("glob:**/2026-W46");
	}

	@Test
	void stopsAtTheWeekThatFailsAndTheSameCommandResumesThere() throws Exception {
		Path job = cli.writeJob(this.dir, "resume");
		Path data = this.dir.resolve("data");
		String[] backfill = { "backfill", job.toString(), "--from", "2026-W44", "--to", "2026-W46", "--data-dir",
				data.toString() };
		// W44 makes four calls (W43 and W44); the fifth, W45's first window, is refused as misconfigured.
		cli.simulator.faults(FaultSchedules.firstFaultAt(4, Fault.ERROR_90045));

		int failed = cli.execute(backfill);

		assertThat(failed).isEqualTo(1);
		assertThat(cli.out()).contains("resume 2026-W44: COMPLETED")
			.contains("resume 2026-W45: FAILED")
			.contains("  fetched:   0 of 4 windows with 1 call before it failed")
			.contains("  error:     ")
			.contains("90045")
			.contains("  next:      run the same backfill again: it skips the completed weeks and continues "
					+ "2026-W45 where it stopped")
			.doesNotContain("2026-W46");
		assertThat(cli.err()).contains("Backfill of job 'resume' stopped at 2026-W45 (1 run, 0 skipped, 2 left): ")
			.contains("push service not enabled")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		cli.simulator.faults(FaultSettings.none());
		long callsBefore = cli.simulator.calls();

		int resumed = cli.execute(backfill);

		assertThat(resumed).as(cli.err()).isZero();
		assertThat(cli.outLines()).filteredOn((line) -> line.startsWith("resume 2026-W"))
			.satisfiesExactly(
					(line) -> assertThat(line).isEqualTo("resume 2026-W44: skipped, already complete (--force refreshes it)"),
					(line) -> assertThat(line).startsWith("resume 2026-W45: COMPLETED"),
					(line) -> assertThat(line).startsWith("resume 2026-W46: COMPLETED"));
		assertThat(cli.simulator.calls() - callsBefore).as("W45's two windows, then W46's").isEqualTo(4);
		assertThat(cli.history(data)).extracting(RunSummary::week, RunSummary::status)
			.containsExactly(tuple(IsoWeek.parse("2026-W46"), RunStatus.COMPLETED), tuple(IsoWeek.parse("2026-W45"), RunStatus.COMPLETED),
					tuple(IsoWeek.parse("2026-W45"), RunStatus.FAILED), tuple(IsoWeek.parse("2026-W44"), RunStatus.COMPLETED));
	}

	@Test
	void forcedBackfillRefreshesCompletedWeeksAndIsResumedWithoutForce() throws Exception {
		Path job = cli.writeJob(this.dir, "force");
		Path data = this.dir.resolve("data");
		assertThat(cli.execute("run", job.toString(), "--week", "2026-W45", "--data-dir", data.toString()))
			.isZero();
		// The forced W45 refetches its four windows; the fifth call, W46's first, fails.
		cli.simulator.faults(FaultSchedules.firstFaultAt(4, Fault.ERROR_90045));

		int failed = cli.execute("backfill", job.toString(), "--from", "2026-W45", "--to", "2026-W46", "--force",
				"--data-dir", data.toString());

		assertThat(failed).isEqualTo(1);
		assertThat(cli.out()).contains("force 2026-W45: COMPLETED")
			.contains("  fetched:   4 of 4 windows with 4 calls (0 were already stored)")
			.contains("force 2026-W46: FAILED")
			.contains("  next:      run the same backfill without --force: it skips the weeks already refreshed "
					+ "and continues 2026-W46 where it stopped (--force would refresh every week again)");
		cli.simulator.faults(FaultSettings.none());
		long callsBefore = cli.simulator.calls();

		int resumed = cli.execute("backfill", job.toString(), "--from", "2026-W45", "--to", "2026-W46",
				"--data-dir", data.toString());

		assertThat(resumed).as(cli.err()).isZero();
		assertThat(cli.out()).contains("force 2026-W45: skipped, already complete (--force refreshes it)")
			.contains("force 2026-W46: COMPLETED");
		assertThat(cli.simulator.calls() - callsBefore).as("W46's refresh continues: W45 and W46 again")
			.isEqualTo(4);
		assertThat(cli.history(data)).extracting(RunSummary::week, RunSummary::status, RunSummary::forced)
			.containsExactly(tuple(IsoWeek.parse("2026-W46"), RunStatus.COMPLETED, true), tuple(IsoWeek.parse("2026-W46"), RunStatus.FAILED, true),
					tuple(IsoWeek.parse("2026-W45"), RunStatus.COMPLETED, true), tuple(IsoWeek.parse("2026-W45"), RunStatus.COMPLETED, false));
		assertThat(data.resolve("archive/force/2026/2026-W45/rev-2")).isDirectory();
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
