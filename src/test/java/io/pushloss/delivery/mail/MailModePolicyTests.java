package io.pushloss.delivery.mail;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SMTP host nothing reaches the recipients: a job of the vendor is refused unless the operator chose the
 * outbox; a simulator job (the demo) may always use it.
 */
class MailModePolicyTests {

	private final JobDefinition vendorJob = DeliveryFixtures.job("weekly", null, null);

	@Test
	void refusesAJobOfTheVendorWhenMailWouldOnlyReachTheOutbox() {
		assertThat(MailModePolicy.refusal(this.vendorJob, MailMode.OUTBOX, false)).hasValueSatisfying(
				(reason) -> assertThat(reason).startsWith("job 'weekly' emails its report, but no SMTP host")
					.contains("PUSHLOSS_MAIL_OUTBOX_ONLY=true", "pushloss.mail.outbox-only"));
	}

	@Test
	void acceptsSmtpOrAnOutboxChosenOnPurpose() {
		assertThat(MailModePolicy.refusal(this.vendorJob, MailMode.SMTP, false)).isEmpty();
		assertThat(MailModePolicy.refusal(this.vendorJob, MailMode.OUTBOX, true)).isEmpty();
	}

	@Test
	void saysWhichModeIsActive() {
		assertThat(new MailModePolicy(MailMode.SMTP, "SMTP server mail.example.com:587", false).describe())
			.isEqualTo("SMTP server mail.example.com:587");
		assertThat(new MailModePolicy(MailMode.OUTBOX, "outbox folder /srv/data/outbox", false).describe())
			.isEqualTo("outbox folder /srv/data/outbox, nothing is sent (no SMTP host configured)");
		assertThat(new MailModePolicy(MailMode.OUTBOX, "outbox folder /srv/data/outbox", true).describe())
			.isEqualTo("outbox folder /srv/data/outbox, nothing is sent (no SMTP host configured; "
					+ "pushloss.mail.outbox-only=true)");
	}

	@Test
	void namesTheJobsOfTheVendorWhoseMailStaysInTheOutbox() {
		assertThat(new MailModePolicy(MailMode.OUTBOX, "outbox folder x", true).outboxOnlyJobs(List.of(this.vendorJob)))
			.containsExactly(this.vendorJob);
		assertThat(new MailModePolicy(MailMode.SMTP, "SMTP server x", false).outboxOnlyJobs(List.of(this.vendorJob)))
			.isEmpty();
	}

}
