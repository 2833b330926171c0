package io.pushloss.delivery.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the operator chose to deliver email ({@code pushloss.mail.*}).
 *
 * @param outboxOnly {@code pushloss.mail.outbox-only} ({@code PUSHLOSS_MAIL_OUTBOX_ONLY}): with no SMTP host, write
 * the email of jobs that call the vendor to the outbox folder on purpose. Without it such a job is refused, because
 * its recipients would receive nothing. Simulator jobs (the demo) may always use the outbox.
 */
@ConfigurationProperties("pushloss.mail")
public record MailProperties(@DefaultValue("false") boolean outboxOnly) {

	/** The name of the setting, as the operator writes it in a property file. */
	public static final String OUTBOX_ONLY = "pushloss.mail.outbox-only";

	/** The name of the setting as an environment variable. */
	public static final String OUTBOX_ONLY_ENV = "PUSHLOSS_MAIL_OUTBOX_ONLY";

}
