package io.pushloss.delivery.mail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mail.MailSendException;
import org.springframework.util.unit.DataSize;

import io.pushloss.analysis.SampleReports;
import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.delivery.mail.LedgerEntry.LedgerState;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutboxMailTransportTests {

	@TempDir
	Path temp;

	private final DeliveryFixtures.Database database = DeliveryFixtures.database();

	private final DeliveryLedger ledger = new DeliveryLedger(this.database.dataSource(), MailTestSupport.CLOCK);

	@Test
	void writesTheReportAsAParseableEmlWithoutBcc() throws Exception {
		Path outbox = this.temp.resolve("data/outbox");
		JobDefinition job = DeliveryFixtures.job(SampleReports.JOB_NAME, null, null);
		ReportMailer mailer = MailTestSupport.mailer(new OutboxMailTransport(outbox), this.ledger,
				MailTestSupport.properties(DataSize.ofMegabytes(10)));

		MailOutcome outcome = mailer.send(job, SampleReports.typicalWeek(), DeliveryFixtures
			.documents(this.temp.resolve("reports"), SampleReports.JOB_NAME, "2026-W46", 500, 500), null, false);

		List<Path> files = list(outbox);
		assertThat(files).hasSize(1);
		assertThat(files.get(0).getFileName().toString()).endsWith(".eml").doesNotStartWith(".");
		MimeMessage parsed;
		try (InputStream in = Files.newInputStream(files.get(0))) {
			parsed = new MimeMessage(Session.getInstance(new Properties()), in);
		}
		assertThat(parsed.getMessageID()).isEqualTo(outcome.messageId());
		assertThat(parsed.getSubject()).startsWith("[weekly-push-loss] Push loss 2026-W46: Huawei 80300007 4.0x its baseline; Push to all 4,785 lost");
		assertThat(parsed.getHeader("Bcc")).isNull();
		assertThat(parsed.getRecipients(RecipientType.TO)[0].toString()).isEqualTo("ops@example.com");
		assertThat(Files.readString(files.get(0), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("audit@example.net");
		assertThat(MailTestSupport.attachmentNames(parsed)).hasSize(2);
		assertThat(MailTestSupport.text(MailTestSupport.leaf(parsed, "text/html"))).contains("Huawei 80300007");
		assertThat(this.ledger.entries(SampleReports.JOB_NAME, "2026-W46").get(0).state())
			.isEqualTo(LedgerState.OUTBOX);
		assertThat(outcome.status()).as("nothing left the host: never SENT").isEqualTo(MailOutcome.Status.OUTBOX);
	}

	@Test
	void aWeekInTheOutboxIsNotWrittenAgainAndNeverCountsAsSent() throws Exception {
		Path outbox = this.temp.resolve("data/outbox");
		JobDefinition job = DeliveryFixtures.job(SampleReports.JOB_NAME, null, null);
		ReportMailer mailer = MailTestSupport.mailer(new OutboxMailTransport(outbox), this.ledger,
				MailTestSupport.properties(DataSize.ofMegabytes(10)));
		var documents = DeliveryFixtures.documents(this.temp.resolve("reports"), SampleReports.JOB_NAME, "2026-W46",
				100, 100);

		MailOutcome first = mailer.send(job, SampleReports.typicalWeek(), documents, null, false);
		MailOutcome again = mailer.send(job, SampleReports.typicalWeek(), documents, null, false);
		MailOutcome resent = mailer.send(job, SampleReports.typicalWeek(), documents, null, true);

		assertThat(first.status()).isEqualTo(MailOutcome.Status.OUTBOX);
		assertThat(again.status()).isEqualTo(MailOutcome.Status.ALREADY_IN_OUTBOX);
		assertThat(resent.status()).isEqualTo(MailOutcome.Status.OUTBOX);
		assertThat(list(outbox)).hasSize(2);
		assertThat(this.ledger.entries(SampleReports.JOB_NAME, "2026-W46")).extracting(LedgerEntry::state)
			.containsExactly(LedgerState.OUTBOX);
	}

	@Test
	void sendingTheSameMessageIdAgainReplacesItsFile() throws Exception {
		Path outbox = this.temp.resolve("outbox");
		OutboxMailTransport transport = new OutboxMailTransport(outbox);
		for (int i = 0; i < 2; i++) {
			EnvelopeMimeMessage message = new EnvelopeMimeMessage(transport.session(), "<same.1@test>", List.of());
			message.setText("attempt " + i);
			transport.send(message);
		}

		assertThat(list(outbox)).containsExactly(outbox.resolve("same.1_test.eml"));
		assertThat(Files.readString(outbox.resolve("same.1_test.eml"))).contains("attempt 1");
	}

	@Test
	void unwritableOutboxFailsWithTheFolderInTheMessage() throws Exception {
		Path blocked = this.temp.resolve("outbox");
		Files.writeString(blocked, "a file where the folder should be");
		OutboxMailTransport transport = new OutboxMailTransport(blocked);
		EnvelopeMimeMessage message = new EnvelopeMimeMessage(transport.session(), "<x.1@test>", List.of());
		message.setText("body");

		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> transport.send(message))
			.withMessageContaining(blocked.toString());
	}

	private static List<Path> list(Path folder) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
	}

	@Test
	void aSymbolicLinkPlantedForTheOutboxIsRefusedNamingItAndItsTargetStaysEmpty() throws Exception {
		Path victim = Files.createDirectories(this.temp.resolve("victim"));
		Files.createDirectories(this.temp.resolve("data"));
		Path outbox = Files.createSymbolicLink(this.temp.resolve("data/outbox"), victim);
		OutboxMailTransport transport = new OutboxMailTransport(outbox);
		MimeMessage message = new MimeMessage(transport.session());
		message.setSubject("hello");
		message.setText("body");

		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> transport.send(message))
			.withMessageContaining(outbox.toAbsolutePath().toString())
			.withMessageContaining("symbolic link");
		assertThat(list(victim)).isEmpty();
	}
}
