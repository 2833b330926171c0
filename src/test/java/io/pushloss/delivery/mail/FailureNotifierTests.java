package io.pushloss.delivery.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class FailureNotifierTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final String REASON = """
			Could not fetch normal_push_loss for 2026-11-09..2026-11-10: HTTP 500 from \
			https://adminapisgp.im.qcloud.com/v4/timpush/normal_push_loss?sdkappid=1400000000&identifier=admin&usersig=eJwtzEELgjAYh&random=1
			java.lang.IllegalStateException: boom
				at io.pushloss.ingest.Fetcher.fetch(Fetcher.java:42)
				at java.base/java.lang.Thread.run(Thread.java:840)
			Caused by: java.io.IOException: reset
				... 3 more
			""";

	@TempDir
	Path temp;

	private final DeliveryProperties properties = MailTestSupport.properties(DataSize.ofMegabytes(10));

	private final JobDefinition job = DeliveryFixtures.job("demo", null, null);

	@Test
	void tellsTheOwnersJobWeekStepAndReasonWithoutStackTraceOrSecret() throws Exception {
		FailureNotifier notifier = new FailureNotifier(
				new SmtpMailTransport(MailTestSupport.smtp(greenMail.getSmtp().getPort())),
				new MailSendRetry(this.properties.retry()), this.properties, MailTestSupport.CLOCK);

		boolean sent = notifier.notify(this.job, "2026-W46", "fetch", REASON);

		assertThat(sent).isTrue();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage message = received[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("owner@example.com");
		assertThat(message.getSubject()).isEqualTo("[demo] Push loss 2026-W46: run FAILED at step fetch");
		String body = MailTestSupport.text(message);
		assertThat(body).contains("\"demo\"", "Week:        2026-W46", "Failed step: fetch",
				"HTTP 500 from https://adminapisgp.im.qcloud.com", "usersig=***", "java.lang.IllegalStateException: boom");
		assertThat(body).doesNotContain("eJwtzEELgjAYh", "\tat ", "at io.pushloss", "Caused by", "... 3 more",
				"Thread.java");
	}

	@Test
	void goesToTheOutboxWhenThereIsNoSmtpHost() throws Exception {
		Path outbox = this.temp.resolve("outbox");
		FailureNotifier notifier = new FailureNotifier(new OutboxMailTransport(outbox),
				new MailSendRetry(this.properties.retry()), this.properties, MailTestSupport.CLOCK);

		assertThat(notifier.notify(this.job, "2026-W46", "deliver", "SMTP server down")).isTrue();

		try (Stream<Path> files = Files.list(outbox)) {
			List<Path> emls = files.toList();
			assertThat(emls).hasSize(1);
			assertThat(Files.readString(emls.get(0))).contains("Subject: [demo] Push loss 2026-W46: run FAILED at step deliver",
					"Reason:      SMTP server down");
		}
	}

	@Test
	void neitherThrowsNorSendsWhenThereAreNoOwnersOrNoServer() {
		FailureNotifier down = new FailureNotifier(new SmtpMailTransport(MailTestSupport.smtp(MailTestSupport.unusedPort())),
				new MailSendRetry(this.properties.retry()), this.properties, MailTestSupport.CLOCK);
		JobDefinition ownerless = DeliveryFixtures.job("demo", DeliveryFixtures.RECIPIENTS, List.of(), null, null);

		assertThat(down.notify(this.job, "2026-W46", "deliver", "reason")).isFalse();
		assertThat(down.notify(ownerless, "2026-W46", "deliver", "reason")).isFalse();
	}

	@Test
	void sanitisingKeepsTheMessageAndMasksCredentials() {
		assertThat(OperatorText.sanitise(null)).isEqualTo("unknown (see the log of the run)");
		assertThat(OperatorText.sanitise("login failed: password=hunter2, user=ops"))
			.isEqualTo("login failed: password=***, user=ops");
		assertThat(OperatorText.sanitise("bad\u0007bell")).isEqualTo("bad bell");
		assertThat(OperatorText.sanitise("x".repeat(5000))).hasSize(1003);
	}

}
