package io.pushloss.delivery.mail;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import io.pushloss.analysis.SampleReports;
import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.delivery.mail.LedgerEntry.LedgerState;
import io.pushloss.delivery.mail.MailOutcome.Status;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinition.RecipientGroup;
import io.pushloss.jobdef.JobDefinition.Recipients;
import io.pushloss.report.ReportDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** One report, analysed once, mailed to each recipient group in its language, each group exactly once. */
class RecipientGroupMailTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final String JOB = SampleReports.JOB_NAME;

	@TempDir
	Path temp;

	private final DeliveryFixtures.Database database = DeliveryFixtures.database();

	private final DeliveryLedger ledger = new DeliveryLedger(this.database.dataSource(), MailTestSupport.CLOCK);

	private final JobDefinition job = DeliveryFixtures.job(JOB,
			new Recipients(List.of("ops@example.com"), List.of(), List.of("audit@example.net"),
					List.of(new RecipientGroup(Locale.SIMPLIFIED_CHINESE, List.of("cn-pm@example.cn"),
							List.of("cn-lead@example.cn"), List.of()))),
			List.of("owner@example.com"), Path.of("/srv/archive"), null);

	@Test
	void eachGroupGetsOneMessageInItsOwnLanguageFromOneReport() throws Exception {
		MailOutcome outcome = mailer(smtp()).sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(),
				"weekly-push-loss/2026/2026-W46", false);

		assertThat(outcome.status()).isEqualTo(Status.SENT);
		assertThat(outcome.groups()).hasSize(2).allSatisfy((group) -> assertThat(group.status()).isEqualTo(Status.SENT));
		assertThat(outcome.recipientCount()).isEqualTo(4);
		MimeMessage english = only(greenMail.getReceivedMessagesForDomain("example.com"));
		MimeMessage chinese = greenMail.getReceivedMessagesForDomain("example.cn")[0];
		assertThat(english.getSubject()).startsWith("[weekly-push-loss] Push loss 2026-W46: Huawei 80300007");
		assertThat(chinese.getSubject()).startsWith("[weekly-push-loss] 推送丢失 2026年第46周：华为 80300007 为基线的 4.0倍");
		assertThat(chinese.getHeader("Content-Language")).containsExactly("zh-CN");
		assertThat(MailTestSupport.text(MailTestSupport.leaf(chinese, "text/html"))).contains("需要关注", "负责方",
				"客户端团队", "lang=\"zh-CN\"");
		assertThat(MailTestSupport.text(MailTestSupport.leaf(chinese, "text/plain"))).contains("需要关注");
		assertThat(chinese.getMessageID()).isNotEqualTo(english.getMessageID());
		assertThat(chinese.getAllRecipients()).extracting(Object::toString)
			.containsExactlyInAnyOrder("cn-pm@example.cn", "cn-lead@example.cn");
		assertThat(this.ledger.entries(JOB, "2026-W46")).hasSize(2)
			.allSatisfy((entry) -> assertThat(entry.state()).isEqualTo(LedgerState.SENT));
	}

	@Test
	void aSecondRunSendsNoGroupAgainAndAResendSendsEachOnceMore() {
		ReportMailer mailer = mailer(smtp());
		mailer.sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(), null, false);
		int first = greenMail.getReceivedMessages().length;

		MailOutcome again = mailer.sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(), null, false);
		assertThat(again.status()).isEqualTo(Status.ALREADY_SENT);
		assertThat(greenMail.getReceivedMessages()).hasSize(first);

		MailOutcome resent = mailer.sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(), null, true);
		assertThat(resent.status()).isEqualTo(Status.SENT);
		assertThat(greenMail.getReceivedMessages()).hasSize(2 * first);
	}

	@Test
	void whenTheSecondGroupFailsTheFirstIsNotSentAgainAndTheSecondIsSentOnceLater() {
		AtomicInteger sends = new AtomicInteger();
		MailTransport smtp = smtp();
		MailTransport failsSecond = new MailTransport() {

			@Override
			public jakarta.mail.Session session() {
				return smtp.session();
			}

			@Override
			public void send(MimeMessage message) {
				if (sends.incrementAndGet() == 2) {
					throw new org.springframework.mail.MailSendException("451 try again later");
				}
				smtp.send(message);
			}

			@Override
			public String describe() {
				return "flaky";
			}

			@Override
			public MailMode mode() {
				return MailMode.SMTP;
			}

		};
		DeliveryProperties oneAttempt = new DeliveryProperties("push-loss-report@pushloss.example",
				DataSize.ofMegabytes(10), new DeliveryProperties.Retry(1, java.time.Duration.ofMillis(1), 1.0,
						java.time.Duration.ofMillis(1)));
		assertThatExceptionOfType(DeliveryException.class).isThrownBy(() -> MailTestSupport
			.mailer(failsSecond, this.ledger, oneAttempt)
			.sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(), null, false));
		assertThat(greenMail.getReceivedMessagesForDomain("example.cn")).isEmpty();
		int english = greenMail.getReceivedMessagesForDomain("example.com").length;

		MailOutcome later = mailer(smtp()).sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(), null,
				false);

		assertThat(later.groups()).extracting(MailOutcome::status).containsExactly(Status.ALREADY_SENT, Status.SENT);
		assertThat(greenMail.getReceivedMessagesForDomain("example.com")).hasSize(english);
		assertThat(greenMail.getReceivedMessagesForDomain("example.cn")).hasSize(2);
	}

	@Test
	void withoutSmtpEachGroupIsWrittenToTheOutboxOnceAndNeverAgain() throws Exception {
		Path outbox = this.temp.resolve("outbox");
		ReportMailer mailer = mailer(new OutboxMailTransport(outbox));

		MailOutcome first = mailer.sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(), null, false);
		MailOutcome second = mailer.sendToEveryGroup(this.job, SampleReports.typicalWeek(), documents(), null, false);

		assertThat(first.status()).isEqualTo(Status.OUTBOX);
		assertThat(second.status()).isEqualTo(Status.ALREADY_IN_OUTBOX);
		try (var files = java.nio.file.Files.list(outbox)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".eml"))).hasSize(2);
		}
		assertThat(this.ledger.entries(JOB, "2026-W46")).extracting(LedgerEntry::state)
			.containsExactly(LedgerState.OUTBOX, LedgerState.OUTBOX);
	}

	@Test
	void aGroupWithTheSameAddressesAsTheJobsOwnRecipientsIsStillAnEntryOfItsOwn() {
		RecipientSet own = RecipientSet.of(this.job.recipientGroups().get(0), true);
		RecipientSet sameAsGroup = RecipientSet.of(new RecipientGroup(Locale.SIMPLIFIED_CHINESE,
				List.of("ops@example.com"), List.of(), List.of("audit@example.net")), false);
		assertThat(own.hash()).isNotEqualTo(sameAsGroup.hash());
		assertThat(own.hash()).as("the job's own recipients keep the hash they had before groups")
			.isEqualTo(RecipientSet.of(new Recipients(List.of("ops@example.com"), List.of(),
					List.of("audit@example.net"))).hash());
	}

	private MailTransport smtp() {
		return new SmtpMailTransport(MailTestSupport.smtp(greenMail.getSmtp().getPort()));
	}

	private ReportMailer mailer(MailTransport transport) {
		return MailTestSupport.mailer(transport, this.ledger, MailTestSupport.properties(DataSize.ofMegabytes(10)));
	}

	private ReportDocuments documents() {
		return DeliveryFixtures.documents(this.temp.resolve("reports"), JOB, "2026-W46", 100, 100);
	}

	private static MimeMessage only(MimeMessage[] messages) {
		assertThat(messages).isNotEmpty();
		return messages[0];
	}

}
