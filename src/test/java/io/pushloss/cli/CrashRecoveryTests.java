package io.pushloss.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill run as a real process and killed with SIGKILL at random points, then run again, ends in exactly the
 * state of an uninterrupted backfill: the same stored rows, the same documents and archive, each email sent once
 * (a message is sent twice only when the process died between the SMTP server's acceptance and the ledger's SENT
 * mark, and then with the same Message-ID), and no window fetched twice except the one in flight at a kill.
 * <p>
 * The kills form one chain (each resumed run is killed again) so that recovery from a crash is itself crashed.
 * Their points are the {@code k}-th output line of each run, drawn from fixed seeds (override with
 * {@code -Dpushloss.crash.seeds=7,8,9}); the transcripts of the child processes are kept in the temporary folder.
 */
class CrashRecoveryTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private static final List<String> WEEKS = List.of("2026-W44", "2026-W45", "2026-W46");

	/** 4 weeks (3 report weeks and the baseline of the first) x (overall, 2 task groups, normal push). */
	private static final int WINDOWS = 16;

	/** The store records a task group's window once per task: 4 weeks x (overall, 6 tasks, normal push). */
	private static final int STORED_WINDOWS = 32;

	private static final int RECIPIENTS = 3;

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	@Test
	void aBackfillKilledAtRandomPointsEndsExactlyAsAnUninterruptedOne() throws Exception {
		Path jobFile = writeJob();
		ChildCli cli = new ChildCli(this.work).env("PUSHLOSS_API_CALLS_PER_SECOND", "50")
			.env("SPRING_MAIL_HOST", "127.0.0.1")
			.env("SPRING_MAIL_PORT", Integer.toString(greenMail.getSmtp().getPort()))
			.env("LOGGING_LEVEL_IO_PUSHLOSS_SIMULATOR", "DEBUG");
		Path reference = this.work.resolve("uninterrupted");
		Path crashed = this.work.resolve("crashed");

		ChildCli.Result uninterrupted = cli.run(backfill(jobFile, reference));
		assertThat(uninterrupted.exitCode()).as(uninterrupted.output()).isZero();
		Map<String, List<MimeMessage>> referenceMail = mailByMessageId();
		greenMail.purgeEmailFromAllMailboxes();

		List<String> killPoints = new ArrayList<>();
		int consumed = 0;
		for (long seed : seeds()) {
			int remaining = Math.max(2, uninterrupted.lines().size() - consumed);
			int killAfter = 1 + new Random(seed).nextInt(remaining - 1);
			ChildCli.Result run = cli.run(killAfter, backfill(jobFile, crashed));
			if (!run.killed()) {
				assertThat(run.exitCode()).as(run.output()).isZero();
				break;
			}
			killPoints.add("seed " + seed + ": killed after line " + killAfter + " \"" + run.killedAfter() + "\"");
			consumed += killAfter;
		}
		ChildCli.Result completed = cli.run(backfill(jobFile, crashed));
		String context = "kills: " + killPoints + "; transcripts in " + this.work;

		assertThat(completed.exitCode()).as(context + "\n" + completed.output()).isZero();
		assertThat(killPoints).as(context).isNotEmpty();
		int kills = killPoints.size();

		// the store of record: every window stored once, the same rows
		String windows = "SELECT app_id, source, task_id, window_start, window_end, status, row_count FROM fetched_window "
				+ "ORDER BY app_id, source, task_id, window_start";
		String rows = "SELECT * FROM loss_row ORDER BY app_id, source, task_id, window_start, window_end, stage, "
				+ "event_type, vendor, err_code";
		assertThat(DataDirState.rows(crashed, windows)).as(context).hasSize(STORED_WINDOWS)
			.isEqualTo(DataDirState.rows(reference, windows));
		assertThat(DataDirState.rows(crashed, rows)).as(context).isNotEmpty()
			.isEqualTo(DataDirState.rows(reference, rows));
		assertThat(DataDirState.rows(crashed, "SELECT status FROM batch_job_execution WHERE status IN "
				+ "('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')")).as(context + ": no run left marked running")
			.isEmpty();

		// the documents and the archive: no leftover or extra file, the same content
		assertThat(DataDirState.files(crashed.resolve("reports"))).as(context)
			.isEqualTo(DataDirState.files(reference.resolve("reports")));
		assertThat(DataDirState.files(crashed.resolve("archive"))).as(context + ": one revision per week")
			.isEqualTo(DataDirState.files(reference.resolve("archive")));
		for (String week : WEEKS) {
			Path reportsOfWeek = Path.of("reports", "demo", week);
			Path archiveOfWeek = Path.of("archive", "demo", "2026", week);
			assertThat(DataDirState.read(crashed.resolve(reportsOfWeek).resolve("summary.json"))).as(context)
				.isEqualTo(DataDirState.read(reference.resolve(reportsOfWeek).resolve("summary.json")));
			assertThat(crashed.resolve(reportsOfWeek).resolve("push-loss-demo-" + week + ".xlsx")).as(context)
				.hasSameBinaryContentAs(reference.resolve(reportsOfWeek).resolve("push-loss-demo-" + week + ".xlsx"));
			// PDF bytes differ between any two renderings (creation date, document ID, font subset names): compare
			// the text, and the manifest's other lines byte for byte
			assertThat(DataDirState.pdfText(crashed.resolve(archiveOfWeek).resolve("push-loss-demo-" + week + ".pdf")))
				.as(context)
				.isEqualTo(DataDirState.pdfText(reference.resolve(archiveOfWeek).resolve("push-loss-demo-" + week + ".pdf")));
			assertThat(withoutPdf(DataDirState.lines(crashed.resolve(archiveOfWeek).resolve("SHA256SUMS"))))
				.as(context)
				.isEqualTo(withoutPdf(DataDirState.lines(reference.resolve(archiveOfWeek).resolve("SHA256SUMS"))));
		}

		// no window fetched twice, except the one in flight when a process was killed
		Map<String, Integer> referenceFetches = ChildJvm.fetchesPerWindow(reference, new TreeMap<>());
		Map<String, Integer> fetches = ChildJvm.fetchesPerWindow(crashed, new TreeMap<>());
		assertThat(referenceFetches).hasSize(WINDOWS).allSatisfy((window, count) -> assertThat(count).isOne());
		assertThat(fetches.keySet()).as(context).isEqualTo(referenceFetches.keySet());
		int refetched = fetches.values().stream().mapToInt((count) -> count - 1).sum();
		assertThat(refetched).as(context + ": windows fetched again " + fetches).isLessThanOrEqualTo(kills);

		// each week's email once, except a resend with the same Message-ID when a kill hit between SMTP and SENT
		Map<String, List<MimeMessage>> mail = mailByMessageId();
		assertThat(subjects(mail)).as(context).isEqualTo(subjects(referenceMail)).hasSize(WEEKS.size());
		int duplicates = 0;
		for (List<MimeMessage> copies : mail.values()) {
			assertThat(copies.size() % RECIPIENTS).as(context).isZero();
			duplicates += copies.size() / RECIPIENTS - 1;
		}
		assertThat(duplicates).as(context + ": emails sent twice").isLessThanOrEqualTo(kills);
		for (List<MimeMessage> copies : referenceMail.values()) {
			assertThat(copies).hasSize(RECIPIENTS);
		}
	}

	private static long[] seeds() {
		String seeds = System.getProperty("pushloss.crash.seeds", "1,2,3");
		return Arrays.stream(seeds.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
	}

	private static String[] backfill(Path jobFile, Path dataDir) {
		return new String[] { "backfill", jobFile.toString(), "--from", WEEKS.get(0), "--to",
				WEEKS.get(WEEKS.size() - 1), "--email", "--data-dir", dataDir.toString() };
	}

	private static List<String> withoutPdf(List<String> manifest) {
		return manifest.stream().filter((line) -> !line.endsWith(".pdf")).toList();
	}

	private static Map<String, List<MimeMessage>> mailByMessageId() throws MessagingException {
		Map<String, List<MimeMessage>> byId = new LinkedHashMap<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			byId.computeIfAbsent(message.getMessageID(), (id) -> new ArrayList<>()).add(message);
		}
		return byId;
	}

	private static List<String> subjects(Map<String, List<MimeMessage>> mail) {
		Function<MimeMessage, String> subject = (message) -> {
			try {
				return message.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		};
		return mail.values().stream().map((copies) -> subject.apply(copies.get(0))).sorted()
			.collect(Collectors.toList());
	}

	private Path writeJob() throws IOException {
		return ChildJvm.writeJob(this.work, "demo", "0 0 9 ? * MON", """
				sources:
				  normal: true
				  all-member-tasks: [spring-sale, app-update, weekly-digest, re-engagement, onboarding, holiday-promo]
				window: P7D
				baseline-weeks: 1
				recipients:
				  to: [pm@example.com]
				  cc: [push-team@example.com]
				  bcc: [audit@example.com]
				owners: [oncall@example.com]
				""");
	}

}
