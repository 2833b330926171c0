package io.pushloss.delivery.mail;

import java.util.List;
import java.util.Optional;

import io.pushloss.jobdef.JobDefinition;

/**
 * Whether the mail mode in force may carry a job's email, and how to say which mode it is. Without an SMTP host the
 * email goes to the outbox folder and reaches nobody: that is fine for a simulator job (the demo), and for any job
 * when the operator chose it ({@link MailProperties#outboxOnly()}); any other job that emails is refused.
 */
public class MailModePolicy {

	private final MailMode mode;

	private final String destination;

	private final boolean outboxOnly;

	public MailModePolicy(MailTransport transport, MailProperties properties) {
		this(transport.mode(), transport.describe(), properties.outboxOnly());
	}

	/**
	 * @param mode where mail goes
	 * @param destination {@link MailTransport#describe()}
	 * @param outboxOnly whether the operator chose the outbox explicitly
	 */
	public MailModePolicy(MailMode mode, String destination, boolean outboxOnly) {
		this.mode = mode;
		this.destination = destination;
		this.outboxOnly = outboxOnly;
	}

	/** Where mail goes. */
	public MailMode mode() {
		return this.mode;
	}

	/** Whether the operator chose the outbox explicitly. */
	public boolean outboxOnly() {
		return this.outboxOnly;
	}

	/**
	 * The mail mode in words for the start of {@code run} and {@code serve}: {@code SMTP server host:port}, or
	 * {@code outbox folder <path>, nothing is sent (...)} with why the outbox is in use.
	 */
	public String describe() {
		if (this.mode == MailMode.SMTP) {
			return this.destination;
		}
		return this.destination + ", nothing is sent (no SMTP host configured"
				+ (this.outboxOnly ? "; " + MailProperties.OUTBOX_ONLY + "=true)" : ")");
	}

	/** Why this job must not run here with email, or empty when it may. */
	public Optional<String> refusal(JobDefinition job) {
		return refusal(job, this.mode, this.outboxOnly);
	}

	/** The served jobs whose email goes to the outbox although they call the vendor (chosen by the operator). */
	public List<JobDefinition> outboxOnlyJobs(List<JobDefinition> jobs) {
		if (this.mode != MailMode.OUTBOX) {
			return List.of();
		}
		return jobs.stream().filter((job) -> !job.api().simulator()).toList();
	}

	/**
	 * Why a job that emails must not run in a mail mode, or empty when it may: a job that calls the vendor needs an
	 * SMTP host unless the outbox was chosen explicitly.
	 * @param job the job
	 * @param mode where mail would go
	 * @param outboxOnly whether the operator chose the outbox explicitly
	 */
	public static Optional<String> refusal(JobDefinition job, MailMode mode, boolean outboxOnly) {
		if (mode == MailMode.SMTP || job.api().simulator() || outboxOnly) {
			return Optional.empty();
		}
		return Optional.of("job '" + job.name() + "' emails its report, but no SMTP host is configured "
				+ "(spring.mail.host, SPRING_MAIL_HOST), so its recipients would receive nothing: configure SMTP, or "
				+ "set " + MailProperties.OUTBOX_ONLY_ENV + "=true (" + MailProperties.OUTBOX_ONLY
				+ ") to write its email to the outbox folder on purpose");
	}

}
