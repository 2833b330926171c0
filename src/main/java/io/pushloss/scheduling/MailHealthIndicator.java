package io.pushloss.scheduling;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.pushloss.delivery.mail.MailMode;
import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.jobdef.JobDefinition;

/**
 * Health component {@code mail}: where the served jobs' email goes ({@code mode} SMTP or OUTBOX, and the server or
 * folder). Served jobs that call the vendor while their email goes to the outbox folder (chosen with
 * {@code pushloss.mail.outbox-only}) add a {@code warning}: the health is then UP but not plainly so, because their
 * recipients receive nothing.
 */
class MailHealthIndicator extends AbstractHealthIndicator {

	private final MailModePolicy policy;

	private final Supplier<List<JobDefinition>> served;

	/** @param served the served jobs ({@link ReportScheduler#served()}) */
	MailHealthIndicator(MailModePolicy policy, Supplier<List<JobDefinition>> served) {
		super("Mail health check failed");
		this.policy = policy;
		this.served = served;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up()
			.withDetail("mode", this.policy.mode().name())
			.withDetail("destination", this.policy.describe());
		List<JobDefinition> outboxOnly = this.policy.outboxOnlyJobs(this.served.get());
		if (this.policy.mode() == MailMode.OUTBOX && !outboxOnly.isEmpty()) {
			builder.withDetail("warning", "the email of "
					+ outboxOnly.stream().map((job) -> "'" + job.name() + "'").collect(Collectors.joining(", "))
					+ " goes to the outbox folder: nobody receives it until someone forwards it");
		}
	}

}
