package io.pushloss.delivery.mail;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import io.pushloss.analysis.SampleReports;
import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.delivery.mail.DeliveryLedger.Decision;
import io.pushloss.delivery.mail.LedgerEntry.LedgerState;
import io.pushloss.delivery.mail.MailOutcome.Status;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportMailerTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final String JOB = SampleReports.JOB_NAME;

	private static final String SUBJECT = "[weekly-push-loss] Push loss 2026-W46: Huawei 80300007 4.0x its baseline; Push to all 4,785 lost (+61.7%); Normal push 1,385 lost (+4.9%), 1 anomaly";

	@TempDir
	Path temp;

	private final DeliveryFixtures.Database database = DeliveryFixtures.database();

	private final DeliveryLedger ledger = new DeliveryLedger(this.database.dataSource(), MailTestSupport.CLOCK);

	private final DeliveryProperties properties = MailTestSupport.properties(DataSize.ofMegabytes(10));

	private final JobDefinition job = DeliveryFixtures.job(JOB, Path.of("/srv/archive"), null);

	private ReportMailer mailer() {
		return MailTestSupport.mailer(new SmtpMailTransport(MailTestSupport.smtp(greenMail.getSmtp().getPort())),
				this.ledger, this.properties);
	}

	private ReportDocuments documents(int pdfBytes, int excelBytes) {
		return DeliveryFixtures.documents(this.temp.resolve("reports"), JOB, "2026-W46", pdfBytes, excelBytes);
	}

	@Test
	void sendsOneMessageWithBothAttachmentsTheInlineChartAndTheModelsFigures() throws Exception {
		MailOutcome outcome = mailer().send(this.job, SampleReports.typicalWeek(), documents(2000, 3000),
				Path.of("/srv/archive/weekly-push-loss/2026/2026-W46"), false);

		assertThat(outcome.status()).isEqualTo(Status.SENT);
		assertThat(outcome.decision()).isEqualTo(Decision.NEW);
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(3); // one copy per recipient: to, cc, bcc
		assertThat(Arrays.stream(received).map(this::messageId).distinct()).containsExactly(outcome.messageId());
		MimeMessage message = received[0];
		assertThat(message.getSubject()).isEqualTo(SUBJECT);
		assertThat(message.getFrom()[0].toString()).isEqualTo("push-loss-report@pushloss.example");
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");

		MimeMultipart mixed = (MimeMultipart) message.getContent();
		assertThat(message.isMimeType("multipart/mixed")).isTrue();
		BodyPart related = mixed.getBodyPart(0);
		assertThat(related.isMimeType("multipart/related")).isTrue();
		BodyPart alternative = ((MimeMultipart) related.getContent()).getBodyPart(0);
		assertThat(alternative.isMimeType("multipart/alternative")).isTrue();
		// the vendor charts are HTML bars: no image is attached inline
		assertThat(((MimeMultipart) related.getContent()).getCount()).isEqualTo(1);
		assertThat(MailTestSupport.attachmentNames(message)).containsExactly("push-loss-weekly-push-loss-2026-W46.pdf",
				"push-loss-weekly-push-loss-2026-W46.xlsx");

		String html = MailTestSupport.text(MailTestSupport.leaf(message, "text/html"));
		assertThat(html).contains("4,785", "+61.7%", "1,385", "+4.9%", "Huawei 80300007", "4.0x its baseline",
				"Make the client re-register", "Client app team", "Other increases", "Largest decreases",
				"weekly-push-loss/2026/2026-W46").doesNotContain("cid:", "/srv/archive");
		assertThat(html).doesNotContain("PARTIAL");
		String text = MailTestSupport.text(MailTestSupport.leaf(message, "text/plain"));
		assertThat(html).doesNotContain("6,170");
		assertThat(text).contains("Push to all: 4,785 lost pushes this week, +61.7% against 2,960 last week",
				"Normal push: 1,385 lost pushes this week, +4.9% against 1,320 last week", "What needs attention",
				"Huawei 80300007: 4.0x its baseline", "Make the client re-register");
	}

	@Test
	void blindCopyIsDeliveredButNeverInAHeader() throws Exception {
		mailer().send(this.job, SampleReports.typicalWeek(), documents(100, 100), null, false);

		assertThat(inbox("audit@example.net")).hasSize(1); // audit@example.net (bcc)
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			assertThat(message.getHeader("Bcc")).isNull();
			assertThat(addresses(message.getRecipients(RecipientType.TO))).containsExactly("ops@example.com");
			assertThat(addresses(message.getRecipients(RecipientType.CC))).containsExactly("lead@example.org");
		}
		MimeMessage toCopy = inbox("ops@example.com")[0];
		assertThat(MailTestSupport.raw(toCopy)).doesNotContain("audit@example.net");
	}

	@Test
	void secondSendOfTheSameWeekSendsNothing() {
		ReportMailer mailer = mailer();
		ReportDocuments documents = documents(100, 100);
		MailOutcome first = mailer.send(this.job, SampleReports.typicalWeek(), documents, null, false);

		MailOutcome second = mailer.send(this.job, SampleReports.typicalWeek(), documents, null, false);

		assertThat(second.status()).isEqualTo(Status.ALREADY_SENT);
		assertThat(second.messageId()).isEqualTo(first.messageId());
		assertThat(greenMail.getReceivedMessages()).hasSize(3);
	}

	@Test
	void resendSendsTheWeekAgainWithANewMessageId() {
		ReportMailer mailer = mailer();
		ReportDocuments documents = documents(100, 100);
		MailOutcome first = mailer.send(this.job, SampleReports.typicalWeek(), documents, null, false);

		MailOutcome again = mailer.send(this.job, SampleReports.typicalWeek(), documents, null, true);

		assertThat(again.status()).isEqualTo(Status.SENT);
		assertThat(again.decision()).isEqualTo(Decision.RESEND);
		assertThat(again.messageId()).isNotEqualTo(first.messageId());
		assertThat(greenMail.getReceivedMessages()).hasSize(6);
	}

	@Test
	void smtpDownThenUpEndsWithExactlyOneMessageSentOnTheSecondRun() {
		ReportDocuments documents = documents(100, 100);
		ReportMailer down = MailTestSupport.mailer(
				new SmtpMailTransport(MailTestSupport.smtp(MailTestSupport.unusedPort())), this.ledger,
				this.properties);

		assertThatExceptionOfType(DeliveryException.class)
			.isThrownBy(() -> down.send(this.job, SampleReports.typicalWeek(), documents, null, false))
			.withMessageContaining("after 2 attempt(s)")
			.withMessageContaining("PENDING")
			.withMessageContaining("next run or a restart sends it once")
			.withMessageNotContaining("\n\tat ");
		LedgerEntry pending = this.ledger.entries(JOB, "2026-W46").get(0);
		assertThat(pending.state()).isEqualTo(LedgerState.PENDING);
		assertThat(pending.attempts()).isEqualTo(2);
		assertThat(pending.lastError()).isNotBlank();
		assertThat(greenMail.getReceivedMessages()).isEmpty();

		MailOutcome up = mailer().send(this.job, SampleReports.typicalWeek(), documents, null, false);

		assertThat(up.decision()).isEqualTo(Decision.RESUME_PENDING);
		assertThat(up.messageId()).isEqualTo(pending.messageId());
		assertThat(inbox("ops@example.com")).hasSize(1);
		assertThat(messageId(greenMail.getReceivedMessages()[0])).isEqualTo(pending.messageId());
		LedgerEntry sent = this.ledger.entries(JOB, "2026-W46").get(0);
		assertThat(sent.state()).isEqualTo(LedgerState.SENT);
		assertThat(sent.attempts()).isEqualTo(3);

		mailer().send(this.job, SampleReports.typicalWeek(), documents, null, false);
		assertThat(inbox("ops@example.com")).hasSize(1);
	}

	@Test
	void pendingEntryLeftByACrashIsSentWithItsRecordedMessageId() {
		RecipientSet recipients = RecipientSet.of(this.job.recipients());
		String recorded;
		// a run that claimed the email and died before SENT: its claim ends without it
		try (DeliveryLedger.Claim crashed = this.ledger.claim(JOB, "2026-W46", recipients,
				() -> "<crashed.1@pushloss.example>", false)) {
			recorded = crashed.entry().messageId();
		}

		mailer().send(this.job, SampleReports.typicalWeek(), documents(100, 100), null, false);

		assertThat(messageId(greenMail.getReceivedMessages()[0])).isEqualTo(recorded);
	}

	@Test
	void oversizeAttachmentsAttachThePdfOnlyAndSayWhereTheSetIsArchived() throws Exception {
		DeliveryProperties small = MailTestSupport.properties(DataSize.ofBytes(5000));
		ReportMailer mailer = MailTestSupport.mailer(
				new SmtpMailTransport(MailTestSupport.smtp(greenMail.getSmtp().getPort())), this.ledger, small);

		MailOutcome outcome = mailer.send(this.job, SampleReports.typicalWeek(), documents(2000, 3000),
				Path.of("/srv/archive/weekly-push-loss/2026/2026-W46"), false);

		assertThat(outcome.excelOmitted()).isTrue();
		MimeMessage message = greenMail.getReceivedMessages()[0];
		assertThat(MailTestSupport.attachmentNames(message)).containsExactly("push-loss-weekly-push-loss-2026-W46.pdf");
		for (String body : List.of(MailTestSupport.text(MailTestSupport.leaf(message, "text/html")),
				MailTestSupport.text(MailTestSupport.leaf(message, "text/plain")))) {
			assertThat(body).contains("The Excel workbook is not attached")
				.contains("archived in weekly-push-loss/2026/2026-W46")
				.doesNotContain("/srv/archive");
		}
	}

	@Test
	void partialReportIsFlaggedInSubjectAndBody() throws Exception {
		mailer().send(this.job, SampleReports.partialWeek(), documents(100, 100), null, false);

		MimeMessage message = greenMail.getReceivedMessages()[0];
		assertThat(message.getSubject()).isEqualTo("[PARTIAL] " + SUBJECT);
		assertThat(MailTestSupport.text(MailTestSupport.leaf(message, "text/html"))).contains("PARTIAL report",
				"2026-W46: Normal push, 2026-11-13 00:00 to 2026-11-14 00:00", "task task-weekly-digest");
	}

	@Test
	void emptyWeekSaysNothingWasLostAndSendsWithoutChartWhenThereIsNone() throws Exception {
		ReportDocuments documents = documents(100, 100);
		java.nio.file.Files.delete(documents.vendorChartPng());

		mailer().send(this.job, SampleReports.emptyWeek(), documents, null, false);

		MimeMessage message = greenMail.getReceivedMessages()[0];
		assertThat(message.getSubject())
			.isEqualTo("[weekly-push-loss] Push loss 2026-W46: Push to all 0 lost (0.0%); Normal push 0 lost (0.0%), no anomalies");
		String html = MailTestSupport.text(MailTestSupport.leaf(message, "text/html"));
		assertThat(html).contains("No pushes were lost").doesNotContain("cid:");
		assertThat(MailTestSupport.leaves(message).stream().noneMatch((part) -> {
			try {
				return part.isMimeType("image/png");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		})).isTrue();
	}

	@Test
	void jobWithoutRecipientsSendsNothing() {
		JobDefinition nobody = DeliveryFixtures.job(JOB, new JobDefinition.Recipients(List.of(), List.of(), List.of()),
				List.of(), null, null);

		MailOutcome outcome = mailer().send(nobody, SampleReports.typicalWeek(), documents(100, 100), null, false);

		assertThat(outcome.status()).isEqualTo(Status.NO_RECIPIENTS);
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	/** The messages delivered to one mailbox. */
	static MimeMessage[] inbox(String email) {
		return greenMail.findReceivedMessages((user) -> user.getEmail().equalsIgnoreCase(email), (message) -> true)
			.toArray(MimeMessage[]::new);
	}

	private String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> addresses(Address[] addresses) {
		return (addresses != null) ? Arrays.stream(addresses).map(Address::toString).toList() : List.of();
	}

}
