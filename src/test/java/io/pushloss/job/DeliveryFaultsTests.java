package io.pushloss.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.pushloss.delivery.mail.HeldNotices;
import io.pushloss.delivery.mail.MailTransport;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job when delivery fails: an SMTP server that turns connections away, an archive folder that cannot be
 * written. The run fails with a clear message (or succeeds on a later attempt), nothing half-written is left in
 * the archive, and the email goes out exactly once when the fault is gone.
 */
class DeliveryFaultsTests extends ReliabilityContext {

	@Autowired
	RunHistory history;

	@Autowired
	GracefulStop gracefulStop;

	@Autowired
	HeldNotices heldNotices;

	@Autowired
	MailTransport transport;

	@AfterEach
	void smtpUp() {
		SMTP.refuseNext(0);
		SMTP.stallNext(0);
	}

	@Test
	void anSmtpServerRefusingTheFirstConnectionsGetsTheEmailExactlyOnce() throws Exception {
		JobDefinition job = job("smtp-flaky", 1400000301L, Period.ofDays(7), "smtp-flaky.example");
		SMTP.refuseNext(2);

		RunOutcome outcome = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(SMTP.refused()).isEqualTo(2);
		List<MimeMessage> mail = mailTo("smtp-flaky.example");
		assertThat(mail).as("one message, delivered to to, cc and bcc").hasSize(3);
		assertThat(messageIds(mail)).containsOnly((String) ledger(job).get("MESSAGE_ID"));
		assertThat(ledger(job)).containsEntry("STATE", "SENT").containsEntry("ATTEMPTS", 3);

		assertThat(this.runner.run(job, W46, RunOptions.DEFAULT).status())
			.isEqualTo(RunOutcome.Status.ALREADY_COMPLETE);
		assertThat(mailTo("smtp-flaky.example")).hasSize(3);
	}

	@Test
	void anSmtpServerDownForEveryAttemptFailsTheRunAndTheNextRunSendsTheEmailOnce() throws Exception {
		JobDefinition job = job("smtp-down", 1400000302L, Period.ofDays(7), "smtp-down.example");
		SMTP.refuseNext(Integer.MAX_VALUE);

		RunOutcome failed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.message()).contains("Could not send the weekly email of job smtp-down for 2026-W46")
			.contains("after 4 attempt(s)")
			.contains("421")
			.contains("stays PENDING in the delivery ledger")
			.doesNotContain("\n");
		assertThat(ledger(job)).containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 4);
		assertThat(files(archive(job, W46))).as("the archive is complete before the email is tried")
			.containsExactlyInAnyOrder("SHA256SUMS", "summary.json", "push-loss-smtp-down-2026-W46.pdf",
					"push-loss-smtp-down-2026-W46.xlsx");
		assertThat(mailTo("smtp-down.example")).isEmpty();
		String pending = (String) ledger(job).get("MESSAGE_ID");

		SMTP.refuseNext(0);
		RunOutcome resumed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(resumed.status()).as(resumed.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(resumed.executionId()).isNotEqualTo(failed.executionId());
		assertThat(resumed.windowsFetched()).as("only the failed step ran again").isZero();
		List<MimeMessage> mail = mailTo("smtp-down.example");
		assertThat(mail.stream().filter((message) -> subject(message).contains("2026-W46")))
			.as("the report, once, to to, cc and bcc: the owners' failure notice could not be sent either")
			.hasSize(3);
		assertThat(messageIds(mail)).containsOnly(pending);
		assertThat(ledger(job)).containsEntry("STATE", "SENT");
	}

	@Test
	void anArchiveFolderThatCannotBeCreatedFailsTheRunAndTheRestartSucceedsOnceItCan() throws Exception {
		// Tests run as root, for whom permissions block nothing: a file where the job's folder must go fails the
		// same way a read-only share does (the folder cannot be created).
		Path root = Files.createDirectories(DATA_DIR.resolve("blocked-archive"));
		JobDefinition job = withArchive(job("archive-blocked", 1400000303L, Period.ofDays(7), "archive-blocked.example"),
				root);
		Path blocker = Files.writeString(root.resolve(job.name()), "not a folder");

		RunOutcome failed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.message()).startsWith("Could not archive week 2026-W46 of job archive-blocked in "
				+ root.resolve("archive-blocked/2026/2026-W46"))
			.doesNotContain("\n");
		assertThat(files(root)).as("nothing written but the blocker").containsExactly("archive-blocked");
		assertThat(mailTo("archive-blocked.example").stream().filter((message) -> subject(message).contains("2026-W46")))
			.as("no report email before the archive is complete").isEmpty();

		Files.delete(blocker);
		RunOutcome resumed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(resumed.status()).as(resumed.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(files(root.resolve("archive-blocked/2026/2026-W46"))).containsExactlyInAnyOrder("SHA256SUMS",
				"summary.json", "push-loss-archive-blocked-2026-W46.pdf", "push-loss-archive-blocked-2026-W46.xlsx");
		assertThat(ledger(job)).containsEntry("STATE", "SENT").containsEntry("ATTEMPTS", 1);
	}

	@Test
	void anArchiveThatFailsHalfwayLeavesNoPartialFileAndTheRestartCompletesIt() throws Exception {
		// A disk that fills up after the first file: here the PDF's place is taken by a folder that cannot be
		// replaced, so summary.json is written and the PDF fails.
		JobDefinition job = job("archive-halfway", 1400000304L, Period.ofDays(7), "archive-halfway.example");
		Path week = archive(job, W46);
		Path blocker = Files.createDirectories(week.resolve("push-loss-archive-halfway-2026-W46.pdf"))
			.resolve("blocker");
		Files.writeString(blocker, "in the way");

		RunOutcome failed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.message()).startsWith("Could not archive week 2026-W46 of job archive-halfway in " + week)
			.doesNotContain("\n");
		assertThat(files(week)).as("summary.json rolled back, no temporary file, no manifest")
			.containsExactly("push-loss-archive-halfway-2026-W46.pdf/blocker");

		Files.delete(blocker);
		Files.delete(blocker.getParent());
		RunOutcome resumed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(resumed.status()).as(resumed.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(files(week)).containsExactlyInAnyOrder("SHA256SUMS", "summary.json",
				"push-loss-archive-halfway-2026-W46.pdf", "push-loss-archive-halfway-2026-W46.xlsx");
		assertThat(Files.readString(week.resolve("SHA256SUMS"))).contains("summary.json")
			.contains("push-loss-archive-halfway-2026-W46.pdf")
			.contains("push-loss-archive-halfway-2026-W46.xlsx");
		assertThat(mailTo("archive-halfway.example").stream().filter((message) -> subject(message).contains("2026-W46")))
			.hasSize(3);
	}

	@Test
	void aServerThatAcceptsAndNeverGreetsCostsOneAttemptNotTheRun() throws Exception {
		JobDefinition job = job("smtp-silent-once", 1400000305L, Period.ofDays(7), "smtp-silent-once.example");
		SMTP.stallNext(1);

		RunOutcome outcome = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(SMTP.stalled()).isOne();
		assertThat(ledger(job)).containsEntry("STATE", "SENT").containsEntry("ATTEMPTS", 2);
		assertThat(this.history.of(outcome.executionId()).orElseThrow().emailState()).isEqualTo(EmailState.SENT);
	}

	@Test
	void anSmtpServerDownForEveryAttemptLeavesTheEmailFailedAndPendingNotUnreached() {
		JobDefinition job = job("smtp-down-state", 1400000306L, Period.ofDays(7), "smtp-down-state.example");
		SMTP.refuseNext(Integer.MAX_VALUE);

		RunOutcome failed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		RunSummary run = this.history.of(failed.executionId()).orElseThrow();
		assertThat(run.emailState()).as("the run reached delivery and the email failed").isEqualTo(EmailState.FAILED);
		assertThat(run.archivePath()).isEqualTo(archive(job, W46).toString());
		assertThat(ledger(job)).containsEntry("STATE", "PENDING").containsEntry("ATTEMPTS", 4);
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void aStopWhileTheSmtpServerNeverGreetsAbortsTheSendAndLeavesTheEmailPending() throws Exception {
		JobDefinition job = job("smtp-silent", 1400000307L, Period.ofDays(7), "smtp-silent.example");
		SMTP.stallNext(Integer.MAX_VALUE);
		try {
			CompletableFuture<RunOutcome> running = CompletableFuture
				.supplyAsync(() -> this.runner.run(job, W46, RunOptions.DEFAULT));
			Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> SMTP.stalled() > 0);

			this.gracefulStop.stopAfterCurrentChunk();
			RunOutcome outcome = running.get();

			assertThat(outcome.status()).isEqualTo(RunOutcome.Status.FAILED);
			assertThat(outcome.message()).contains("Could not send the weekly email of job smtp-silent")
				.contains("after 1 attempt(s)")
				.contains("aborted: the application is stopping")
				.contains("stays PENDING in the delivery ledger");
			assertThat(ledger(job)).as("aborted, not retried").containsEntry("STATE", "PENDING")
				.containsEntry("ATTEMPTS", 1);
			assertThat(this.history.of(outcome.executionId()).orElseThrow().emailState())
				.isEqualTo(EmailState.FAILED);
			assertThat(mailTo("smtp-silent.owners")).as("the failure notice could not be sent either").isEmpty();
		}
		finally {
			SMTP.stallNext(0);
			// this context is shared: accept runs and sends again
			this.gracefulStop.start();
		}
		// mail works again: the held failure notice reaches the owners, once
		this.heldNotices.release(this.transport);
		this.heldNotices.release(this.transport);
		assertThat(mailTo("smtp-silent.owners")).singleElement()
			.satisfies((notice) -> assertThat(notice.getSubject())
				.isEqualTo("[smtp-silent] Push loss 2026-W46: run FAILED at step deliver"));
	}

	private Map<String, Object> ledger(JobDefinition job) {
		return this.jdbc.queryForMap("SELECT state, attempts, message_id FROM delivery_ledger WHERE job_name = ?",
				job.name());
	}

	private static List<MimeMessage> mailTo(String domain) {
		return Arrays.asList(MAIL.getReceivedMessagesForDomain(domain));
	}

	private static List<String> messageIds(List<MimeMessage> mail) throws MessagingException {
		String[] ids = new String[mail.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = mail.get(i).getMessageID();
		}
		return List.of(ids);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every file below a folder, hidden ones included, as relative paths. */
	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).map((path) -> folder.relativize(path).toString()).sorted().toList();
		}
	}

}
