package io.pushloss.delivery.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.domain.PrivateFiles;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeldNoticesTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@TempDir
	Path dataDir;

	private final DeliveryProperties properties = MailTestSupport.properties(DataSize.ofMegabytes(10));

	private final JobDefinition job = DeliveryFixtures.job("demo", null, null);

	private FailureNotifier notifier(MailTransport transport, HeldNotices held) {
		return new FailureNotifier(new ReleasingMailTransport(transport, held),
				new MailSendRetry(this.properties.retry()), this.properties, MailTestSupport.CLOCK, held);
	}

	@Test
	void aNoticeThatCannotBeSentIsHeldThenSentOnceWithTheNextSuccessfulSendOldestFirst() throws Exception {
		HeldNotices held = new HeldNotices(this.dataDir);
		FailureNotifier down = notifier(new SmtpMailTransport(MailTestSupport.smtp(MailTestSupport.unusedPort())),
				held);

		assertThat(down.notify(this.job, "2026-W46", "fetch", "API down")).isFalse();
		assertThat(down.notify(this.job, "2026-W46", "deliver", "SMTP server down")).isFalse();

		List<Path> files = held.held();
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.containsExactly("notice-0000000001.eml", "notice-0000000002.eml");
		if (PrivateFiles.posix(files.get(0))) {
			assertThat(Files.getPosixFilePermissions(files.get(0))).isEqualTo(PrivateFiles.OWNER_FILE);
			assertThat(Files.getPosixFilePermissions(held.folder())).isEqualTo(PrivateFiles.OWNER_DIRECTORY);
		}
		assertThat(greenMail.getReceivedMessages()).isEmpty();

		FailureNotifier up = notifier(new SmtpMailTransport(MailTestSupport.smtp(greenMail.getSmtp().getPort())),
				held);
		assertThat(up.notify(this.job, "2026-W47", "report", "disk full")).isTrue();

		assertThat(subjects(greenMail.getReceivedMessages())).containsExactly(
				"[demo] Push loss 2026-W47: run FAILED at step report",
				"[demo] Push loss 2026-W46: run FAILED at step fetch",
				"[demo] Push loss 2026-W46: run FAILED at step deliver");
		MimeMessage late = greenMail.getReceivedMessages()[2];
		assertThat(late.getAllRecipients()[0].toString()).isEqualTo("owner@example.com");
		assertThat(MailTestSupport.text(late)).contains("Reason:      SMTP server down");
		assertThat(held.held()).isEmpty();

		assertThat(up.notify(this.job, "2026-W48", "report", "again")).isTrue();
		assertThat(greenMail.getReceivedMessages()).hasSize(4);
	}

	@Test
	void aNoticeStaysHeldWhileMailStillFailsAndTheReportMailReleasesIt() throws Exception {
		HeldNotices held = new HeldNotices(this.dataDir);
		SmtpMailTransport closed = new SmtpMailTransport(MailTestSupport.smtp(MailTestSupport.unusedPort()));
		notifier(closed, held).notify(this.job, "2026-W46", "deliver", "SMTP server down");

		assertThat(held.release(closed)).isZero();
		assertThat(held.held()).hasSize(1);

		ReleasingMailTransport working = new ReleasingMailTransport(
				new SmtpMailTransport(MailTestSupport.smtp(greenMail.getSmtp().getPort())), held);
		MimeMessage report = new MimeMessage(working.session());
		report.setFrom("push-loss-report@pushloss.example");
		report.setRecipients(jakarta.mail.Message.RecipientType.TO, "team@example.com");
		report.setSubject("weekly report");
		report.setText("report");
		working.send(report);

		assertThat(subjects(greenMail.getReceivedMessages())).containsExactly("weekly report",
				"[demo] Push loss 2026-W46: run FAILED at step deliver");
		assertThat(held.held()).isEmpty();
	}

	@Test
	void aLinkInPlaceOfTheFolderIsRefusedNotFollowed() throws Exception {
		Path elsewhere = Files.createDirectory(this.dataDir.resolve("elsewhere"));
		Files.createSymbolicLink(this.dataDir.resolve("held-notices"), elsewhere);
		HeldNotices held = new HeldNotices(this.dataDir);
		MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
		message.setText("x");

		assertThatExceptionOfType(PrivateFiles.UnsafePathException.class)
			.isThrownBy(() -> held.hold(message, "a notice"))
			.withMessageContaining("held-notices");
		assertThat(elsewhere).isEmptyDirectory();
	}

	private static List<String> subjects(MimeMessage[] messages) {
		return Arrays.stream(messages).map((message) -> {
			try {
				return message.getSubject();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
