package io.pushloss.cli;

import java.util.Optional;
import java.util.function.UnaryOperator;

import io.pushloss.delivery.mail.MailMode;
import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.delivery.mail.MailProperties;
import io.pushloss.jobdef.JobDefinition;

/**
 * Before anything starts: would a job's email reach its recipients? Reads {@code spring.mail.host} and
 * {@code pushloss.mail.outbox-only} where the application would (the command's own properties, system properties,
 * environment variables, {@code application.yml} files), so that a job that cannot email is refused with exit code 2
 * and nothing written.
 */
final class MailModeCheck {

	private final UnaryOperator<String> settings;

	/** @param settings the application's settings as it will see them */
	MailModeCheck(UnaryOperator<String> settings) {
		this.settings = settings;
	}

	/** Where mail would go. */
	MailMode mode() {
		String host = this.settings.apply("spring.mail.host");
		return (host != null && !host.isBlank()) ? MailMode.SMTP : MailMode.OUTBOX;
	}

	/** Whether the operator chose the outbox explicitly. */
	boolean outboxOnly() {
		return Boolean.parseBoolean(this.settings.apply(MailProperties.OUTBOX_ONLY));
	}

	/** One line naming the job file and why its email cannot go out, or empty. */
	Optional<String> refusal(JobDefinition job) {
		return MailModePolicy.refusal(job, mode(), outboxOnly()).map((reason) -> job.file() + ": " + reason);
	}

}
