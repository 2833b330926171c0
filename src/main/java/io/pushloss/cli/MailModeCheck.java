package io.pushloss.cli;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.pushloss.delivery.mail.MailMode;
import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.delivery.mail.MailProperties;
import io.pushloss.jobdef.JobDefinition;

/**
 * Before anything starts: would a job's email reach its recipients? Reads {@code spring.mail.host} and
 * {@code pushloss.mail.outbox-only} where the application would (the command's own properties, system properties,
 * environment variables), so that a job that cannot email is refused with exit code 2 and nothing written.
 */
final class MailModeCheck {

	private final UnaryOperator<String> environment;

	private final Map<String, Object> properties;

	/**
	 * @param environment the command's environment variables
	 * @param properties properties the command passes to the application (they win over everything else)
	 */
	MailModeCheck(UnaryOperator<String> environment, Map<String, Object> properties) {
		this.environment = environment;
		this.properties = properties;
	}

	/** Where mail would go. */
	MailMode mode() {
		String host = lookup("spring.mail.host", "SPRING_MAIL_HOST");
		return (host != null && !host.isBlank()) ? MailMode.SMTP : MailMode.OUTBOX;
	}

	/** Whether the operator chose the outbox explicitly. */
	boolean outboxOnly() {
		return Boolean.parseBoolean(lookup(MailProperties.OUTBOX_ONLY, MailProperties.OUTBOX_ONLY_ENV));
	}

	/** One line naming the job file and why its email cannot go out, or empty. */
	Optional<String> refusal(JobDefinition job) {
		return MailModePolicy.refusal(job, mode(), outboxOnly()).map((reason) -> job.file() + ": " + reason);
	}

	private String lookup(String property, String variable) {
		Object value = this.properties.get(property);
		if (value != null) {
			return value.toString();
		}
		String system = System.getProperty(property);
		if (system != null) {
			return system;
		}
		String env = this.environment.apply(variable);
		return (env != null) ? env : this.environment.apply(property);
	}

}
