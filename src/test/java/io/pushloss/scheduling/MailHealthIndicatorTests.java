package io.pushloss.scheduling;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.delivery.mail.MailMode;
import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health component {@code mail} says where the served jobs' email goes, and warns when a job of the vendor writes
 * it to the outbox folder, where nobody receives it.
 */
class MailHealthIndicatorTests {

	private final JobDefinition vendorJob = DeliveryFixtures.job("weekly", null, null);

	@Test
	void reportsSmtpPlainly() {
		Health health = new MailHealthIndicator(new MailModePolicy(MailMode.SMTP, "SMTP server mail.example.com:587",
				false), () -> List.of(this.vendorJob)).health(true);

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("mode", "SMTP")
			.containsEntry("destination", "SMTP server mail.example.com:587")
			.doesNotContainKey("warning");
	}

	@Test
	void warnsWhenAJobOfTheVendorWritesItsEmailToTheOutbox() {
		Health health = new MailHealthIndicator(new MailModePolicy(MailMode.OUTBOX, "outbox folder /srv/outbox", true),
				() -> List.of(this.vendorJob)).health(true);

		assertThat(health.getDetails()).containsEntry("mode", "OUTBOX");
		assertThat(health.getDetails().get("warning")).asString()
			.contains("'weekly'", "outbox folder", "nobody receives it");
	}

	@Test
	void anOutboxWithoutJobsOfTheVendorNeedsNoWarning() {
		Health health = new MailHealthIndicator(new MailModePolicy(MailMode.OUTBOX, "outbox folder /srv/outbox", false),
				List::of).health(true);

		assertThat(health.getDetails()).containsEntry("mode", "OUTBOX").doesNotContainKey("warning");
	}

}
