package io.pushloss.delivery;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.unit.DataSize;

import io.pushloss.analysis.SampleReports;
import io.pushloss.delivery.archive.ReportArchiver;
import io.pushloss.domain.IsoWeek;
import io.pushloss.report.ReportDocuments;
import io.pushloss.delivery.mail.DeliveryProperties;
import io.pushloss.delivery.mail.MailOutcome;
import io.pushloss.delivery.mail.MailTransport;
import io.pushloss.delivery.mail.OutboxMailTransport;
import io.pushloss.delivery.mail.SmtpMailTransport;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryConfigurationTests {

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
					DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withUserConfiguration(DeliveryConfiguration.class)
			.withBean(Clock.class, Clock::systemUTC)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}",
					"pushloss.data-dir=" + this.temp.resolve("data"));
	}

	@Test
	void theArchiveDirectoryMayLieOutsideTheDataDirectory() {
		Path shared = this.temp.resolve("share/reports");
		runner().withPropertyValues("pushloss.archive.directory=" + shared).run((context) -> {
			assertThat(context).hasNotFailed();
			ReportArchiver archiver = context.getBean(ReportArchiver.class);
			JobDefinition job = io.pushloss.delivery.DeliveryFixtures.job("demo", null, null);
			ReportDocuments documents = DeliveryFixtures.documents(this.temp.resolve("data/reports"), "demo",
					"2026-W46", 100, 100);

			Path folder = archiver.archive(job, IsoWeek.parse("2026-W46"), documents, false);

			assertThat(folder).isEqualTo(shared.toAbsolutePath().resolve("demo/2026/2026-W46"));
			assertThat(folder.resolve("SHA256SUMS")).isRegularFile();
			assertThat(this.temp.resolve("data/archive")).doesNotExist();
		});
	}

	@Test
	void withoutAnArchiveDirectoryJobsArchiveIntoTheDataDirectory() {
		runner().run((context) -> assertThat(context.getBean(ReportArchiver.class)
			.root(io.pushloss.delivery.DeliveryFixtures.job("demo", null, null)))
			.isEqualTo(this.temp.resolve("data/archive").toAbsolutePath()));
	}

	@Test
	void withoutSmtpHostMailGoesToTheOutboxInTheDataDir() {
		runner().run((context) -> {
			assertThat(context).hasNotFailed();
			MailTransport transport = context.getBean(MailTransport.class);
			assertThat(transport).isInstanceOf(OutboxMailTransport.class);
			assertThat(((OutboxMailTransport) transport).outbox())
				.isEqualTo(this.temp.resolve("data/outbox").toAbsolutePath());
			DeliveryProperties properties = context.getBean(DeliveryProperties.class);
			assertThat(properties.from()).isEqualTo("push-loss-report@localhost");
			assertThat(properties.maxAttachmentBytes()).isEqualTo(DataSize.ofMegabytes(10));
			assertThat(properties.retry().maxAttempts()).isEqualTo(4);
		});
	}

	@Test
	void springMailPropertiesConfigureTheSmtpServer() {
		runner()
			.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=587",
					"spring.mail.username=reporter", "spring.mail.password=s3cret",
					"spring.mail.properties.mail.smtp.starttls.enable=true",
					"pushloss.delivery.from=Push loss <reports@example.com>",
					"pushloss.delivery.max-attachment-bytes=5MB", "pushloss.delivery.retry.max-attempts=2",
					"pushloss.delivery.retry.initial-backoff=10ms")
			.run((context) -> {
				MailTransport transport = context.getBean(MailTransport.class);
				assertThat(transport).isInstanceOf(SmtpMailTransport.class);
				assertThat(transport.describe()).isEqualTo("SMTP server smtp.example.com:587").doesNotContain("s3cret");
				JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
				assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true");
				DeliveryProperties properties = context.getBean(DeliveryProperties.class);
				assertThat(properties.from()).isEqualTo("Push loss <reports@example.com>");
				assertThat(properties.maxAttachmentBytes()).isEqualTo(DataSize.ofMegabytes(5));
				assertThat(properties.retry().maxAttempts()).isEqualTo(2);
				assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofMillis(10));
			});
	}

	@Test
	void deliveryArchivesThenMailsOnceThroughTheOutbox() {
		runner().run((context) -> {
			ReportDelivery delivery = context.getBean(ReportDelivery.class);
			JobDefinition job = DeliveryFixtures.job(SampleReports.JOB_NAME, null, null);
			var documents = DeliveryFixtures.documents(this.temp.resolve("data/reports"), SampleReports.JOB_NAME,
					"2026-W46", 300, 300);

			ReportDelivery.Result first = delivery.deliver(job, SampleReports.typicalWeek(), documents, false, false);
			ReportDelivery.Result rerun = delivery.deliver(job, SampleReports.typicalWeek(), documents, false, false);

			assertThat(first.archiveFolder())
				.isEqualTo(this.temp.resolve("data/archive/weekly-push-loss/2026/2026-W46").toAbsolutePath());
			assertThat(first.mail().status()).isEqualTo(MailOutcome.Status.OUTBOX);
			assertThat(rerun.archiveFolder()).isEqualTo(first.archiveFolder());
			assertThat(rerun.mail().status()).isEqualTo(MailOutcome.Status.ALREADY_IN_OUTBOX);
			try (Stream<Path> files = Files.list(this.temp.resolve("data/outbox"))) {
				assertThat(files).hasSize(1);
			}
		});
	}

}
