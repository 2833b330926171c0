package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSchedules;
import io.pushloss.simulator.FaultSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code restart} end to end, against a simulator the test controls. */
class RestartCommandTests {

	private static final OperationsCli cli = new OperationsCli();

	@TempDir
	Path dir;

	@BeforeEach
	void noFaults() {
		cli.simulator.faults(FaultSettings.none());
		cli.environment("PUSHLOSS_MAIL_OUTBOX_ONLY", "true");
	}

	@AfterAll
	static void stopSimulator() {
		cli.close();
	}

	@Test
	void restartsAFailedWeekWhereItStoppedAndThenHasNothingLeftToRestart() throws Exception {
		Path job = cli.writeJob(this.dir, "again");
		String data = this.dir.resolve("data").toString();
		// W46 needs four windows (W45 and W46); the third call is refused.
		cli.simulator.faults(FaultSchedules.firstFaultAt(2, Fault.ERROR_90045));

		assertThat(cli.execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data)).isEqualTo(1);

		assertThat(cli.out()).startsWith("again 2026-W46: FAILED after ")
			.contains("  fetched:   2 of 4 windows with 3 calls before it failed")
			.contains("  email:     pending: the run did not reach delivery")
			.contains("  next:      push-loss-report restart " + job + " --week 2026-W46 continues where it stopped");
		cli.simulator.faults(FaultSettings.none());
		long callsBefore = cli.simulator.calls();

		int restarted = cli.execute("restart", job.toString(), "--week", "2026-W46", "--data-dir", data);

		assertThat(restarted).as(cli.err()).isZero();
		assertThat(cli.out()).startsWith("again 2026-W46: COMPLETED in ")
			.contains("  fetched:   2 of 4 windows with 2 calls (2 were already stored)")
			.contains("  totals:    Push to all ")
			.contains("  email:     written to ")
			.contains("  archive:   ");
		assertThat(cli.simulator.calls() - callsBefore).isEqualTo(2);
		assertThat(Path.of(data, "archive/again/2026/2026-W46/push-loss-again-2026-W46.pdf")).isNotEmptyFile();

		assertThat(cli.execute("restart", job.toString(), "--week", "2026-W46", "--data-dir", data)).isEqualTo(2);
		assertThat(cli.out()).isEmpty();
		assertThat(cli.err()).startsWith("Nothing to restart: 2026-W46 already completed at ");

		assertThat(cli.execute("restart", job.toString(), "--week", "2026-W45", "--data-dir", data)).isEqualTo(2);
		assertThat(cli.err()).isEqualTo("Nothing to restart: No run of 2026-W45 for job 'again' to restart; use run"
				+ System.lineSeparator());
	}

	@Test
	void aRestartThatWouldEmailAVendorJobWithoutSmtpIsRefusedUnlessTheOutboxIsChosen() throws Exception {
		Path job = cli.writeJob(this.dir, "nosmtp");
		String data = this.dir.resolve("data").toString();
		cli.simulator.faults(FaultSchedules.firstFaultAt(2, Fault.ERROR_90045));
		assertThat(cli.execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data)).isEqualTo(1);
		cli.simulator.faults(FaultSettings.none());
		cli.environment("PUSHLOSS_MAIL_OUTBOX_ONLY", null);
		long callsBefore = cli.simulator.calls();

		int refused = cli.execute("restart", job.toString(), "--week", "2026-W46", "--data-dir", data);

		assertThat(refused).isEqualTo(2);
		assertThat(cli.out()).isEmpty();
		assertThat(cli.err().lines().toList()).singleElement()
			.asString()
			.startsWith(job + ": job 'nosmtp' emails its report, but no SMTP host is configured")
			.contains("PUSHLOSS_MAIL_OUTBOX_ONLY=true");
		assertThat(cli.simulator.calls()).as("nothing restarted").isEqualTo(callsBefore);
		try (Stream<Path> outbox = Files.list(Path.of(data, "outbox"))) {
			assertThat(outbox.map((file) -> file.getFileName().toString()))
				.as("only the failed run's failure notice, no report email")
				.noneMatch((name) -> name.startsWith("push-loss.nosmtp."));
		}

		cli.environment("PUSHLOSS_MAIL_OUTBOX_ONLY", "true");

		assertThat(cli.execute("restart", job.toString(), "--week", "2026-W46", "--data-dir", data))
			.as(cli.err())
			.isZero();
		assertThat(cli.err()).startsWith("mail: outbox folder ")
			.contains("nothing is sent (no SMTP host configured; pushloss.mail.outbox-only=true)");
		assertThat(cli.out()).startsWith("nosmtp 2026-W46: COMPLETED in ").contains("  email:     written to ");
	}

	@Test
	void aRestartOfARunWithoutEmailIsNotRefusedForWantOfSmtp() throws Exception {
		Path job = cli.writeJob(this.dir, "quiet");
		String data = this.dir.resolve("data").toString();
		cli.simulator.faults(FaultSchedules.firstFaultAt(2, Fault.ERROR_90045));
		assertThat(cli.execute("run", job.toString(), "--week", "2026-W46", "--no-email", "--data-dir", data))
			.isEqualTo(1);
		cli.simulator.faults(FaultSettings.none());
		cli.environment("PUSHLOSS_MAIL_OUTBOX_ONLY", null);

		int restarted = cli.execute("restart", job.toString(), "--week", "2026-W46", "--data-dir", data);

		assertThat(restarted).as(cli.err()).isZero();
		assertThat(cli.err()).doesNotContain("SMTP");
		assertThat(cli.out()).startsWith("quiet 2026-W46: COMPLETED in ").contains("  email:     not sent");
	}

	@Test
	void refusesToRestartInADataDirectoryWithoutRunsAndCreatesNothing() throws Exception {
		Path job = cli.writeJob(this.dir, "never");
		Path data = this.dir.resolve("data");

		assertThat(cli.execute("restart", job.toString(), "--week", "2026-W46", "--data-dir", data.toString()))
			.isEqualTo(2);

		assertThat(cli.err()).startsWith("No run of 2026-W46 for job 'never' in " + data + " to restart; use run");
		assertThat(cli.out()).isEmpty();
		assertThat(data).doesNotExist();
		assertThat(Files.list(this.dir)).containsExactly(job);
	}

}
