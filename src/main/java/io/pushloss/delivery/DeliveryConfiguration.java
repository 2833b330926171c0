package io.pushloss.delivery;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.pushloss.analysis.ReportTexts;
import io.pushloss.delivery.archive.ArchiveProperties;
import io.pushloss.delivery.archive.ReportArchiver;
import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.report.pdf.PdfReportProperties;
import io.pushloss.delivery.mail.ConsoleLinks;
import io.pushloss.delivery.mail.DeliveryLedger;
import io.pushloss.delivery.mail.DeliveryProperties;
import io.pushloss.delivery.mail.FailureNotifier;
import io.pushloss.delivery.mail.HeldNotices;
import io.pushloss.delivery.mail.ReleasingMailTransport;
import io.pushloss.delivery.mail.MailSendRetry;
import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.delivery.mail.MailProperties;
import io.pushloss.delivery.mail.MailTemplates;
import io.pushloss.delivery.mail.MailTransport;
import io.pushloss.delivery.mail.OutboxMailTransport;
import io.pushloss.delivery.mail.ReportMailer;
import io.pushloss.delivery.mail.ReportMessageComposer;
import io.pushloss.delivery.mail.SmtpMailTransport;

/**
 * Wires email and archive delivery. Spring Boot creates a {@code JavaMailSender} only when {@code spring.mail.host}
 * is set; without one, mail goes to {@code <pushloss.data-dir>/outbox/} as {@code .eml} files.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DeliveryProperties.class, MailProperties.class, DataDirectoryProperties.class,
		PdfReportProperties.class, ArchiveProperties.class, ConsoleLinks.class })
class DeliveryConfiguration {

	@Bean
	MailTransport mailTransport(ObjectProvider<JavaMailSender> mailSender, DataDirectoryProperties dataDirectory) {
		JavaMailSender sender = mailSender.getIfAvailable();
		return (sender != null) ? new SmtpMailTransport(sender)
				: new OutboxMailTransport(dataDirectory.absoluteDataDir().resolve("outbox"));
	}

	@Bean
	MailModePolicy mailModePolicy(MailTransport transport, MailProperties properties) {
		return new MailModePolicy(transport, properties);
	}

	@Bean
	MailSendRetry mailSendRetry(DeliveryProperties properties) {
		return new MailSendRetry(properties.retry());
	}

	@Bean
	MailTemplates mailTemplates(PdfReportProperties report, ObjectProvider<ReportTexts> texts) {
		return new MailTemplates(report.templatesDir(), texts.getIfAvailable(ReportTexts::bundled).messages());
	}

	@Bean
	DeliveryLedger deliveryLedger(DataSource dataSource, Clock clock) {
		return new DeliveryLedger(dataSource, clock);
	}

	@Bean
	ReportMessageComposer reportMessageComposer(MailTemplates templates, DeliveryProperties properties, Clock clock,
			ObjectProvider<ReportTexts> texts, ConsoleLinks links) {
		return new ReportMessageComposer(templates, properties, clock, texts.getIfAvailable(ReportTexts::bundled),
				links);
	}

	@Bean
	ReportMailer reportMailer(MailTransport transport, MailSendRetry retry, DeliveryLedger ledger,
			ReportMessageComposer composer, DeliveryProperties properties, HeldNotices held) {
		return new ReportMailer(new ReleasingMailTransport(transport, held), retry, ledger, composer, properties);
	}

	@Bean
	FailureNotifier failureNotifier(MailTransport transport, MailSendRetry retry, DeliveryProperties properties,
			Clock clock, HeldNotices held) {
		return new FailureNotifier(new ReleasingMailTransport(transport, held), retry, properties, clock, held);
	}

	@Bean
	HeldNotices heldNotices(DataDirectoryProperties dataDirectory) {
		return new HeldNotices(dataDirectory.absoluteDataDir());
	}

	@Bean
	ReportArchiver reportArchiver(ArchiveProperties archive, DataDirectoryProperties dataDirectory) {
		return new ReportArchiver(archive.root(dataDirectory), dataDirectory.absoluteDataDir());
	}

	@Bean
	ReportDelivery reportDelivery(ReportArchiver archiver, ReportMailer mailer) {
		return new ReportDelivery(archiver, mailer);
	}

}
