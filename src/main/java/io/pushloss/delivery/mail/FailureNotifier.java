package io.pushloss.delivery.mail;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.pushloss.jobdef.JobDefinition;

/**
 * Tells a job's owners in one short plain-text email that a run failed: job, week, failed step and the
 * operator-facing reason (stack-trace lines dropped, credentials masked). Goes through the same transport as the
 * report (SMTP or the outbox). Never throws: a failed notification is logged and must not hide the run's failure.
 * A notice the transport refuses (SMTP down or stalled) is kept in the {@link HeldNotices} when there are any, and
 * sent when mail works again.
 */
public class FailureNotifier {

	private static final Logger logger = LoggerFactory.getLogger(FailureNotifier.class);

	private final MailTransport transport;

	private final MailSendRetry retry;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final HeldNotices held;

	/** A notifier that holds nothing: a notice that cannot be sent is logged and lost. */
	public FailureNotifier(MailTransport transport, MailSendRetry retry, DeliveryProperties properties, Clock clock) {
		this(transport, retry, properties, clock, null);
	}

	/**
	 * A notifier that keeps a notice that cannot be sent in {@code held}, to be sent when mail works again.
	 * @param held where to keep such notices, or {@code null} to log and drop them
	 */
	public FailureNotifier(MailTransport transport, MailSendRetry retry, DeliveryProperties properties, Clock clock,
			HeldNotices held) {
		this.transport = transport;
		this.retry = retry;
		this.properties = properties;
		this.clock = clock;
		this.held = held;
	}

	/**
	 * Notifies the job's owners of a failed run.
	 * @param week the report week, e.g. {@code 2026-W46}
	 * @param failedStep the Batch step that failed, e.g. {@code deliver}
	 * @param reason the operator-facing reason (an exception message, not a stack trace)
	 * @return whether the notification was sent (or written to the outbox)
	 */
	public boolean notify(JobDefinition job, String week, String failedStep, String reason) {
		List<InternetAddress> owners;
		try {
			owners = RecipientSet.parse(job.owners());
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Cannot notify the owners of job {}: {}", job.name(), ex.getMessage());
			return false;
		}
		if (owners.isEmpty()) {
			logger.warn("Job {} failed at step {} for {} but has no owners to notify", job.name(), failedStep, week);
			return false;
		}
		EnvelopeMimeMessage message = null;
		try {
			message = new EnvelopeMimeMessage(this.transport.session(),
					MessageIds.generate("push-loss-failure", job.name(), week, this.properties.from()), List.of());
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(new InternetAddress(this.properties.from(), true));
			helper.setTo(owners.toArray(new InternetAddress[0]));
			helper.setSubject(MailSubjects.failure(job.name(), week, failedStep));
			helper.setSentDate(Date.from(this.clock.instant()));
			helper.setText(body(job.name(), week, failedStep, reason, this.clock.instant()), false);
			ReportMessageComposer.markAutomatic(message, job.name(), week);
			this.retry.send(this.transport, message, MailSendRetry.AttemptListener.NONE);
			if (this.transport.mode() == MailMode.OUTBOX) {
				logger.info("Wrote the failure notice of job {} (step {} failed for {}) to the {}, nothing was sent: "
						+ "no SMTP host is configured", job.name(), failedStep, week, this.transport.describe());
			}
			else {
				logger.info("Notified {} owner(s) of job {} that step {} failed for {}", owners.size(), job.name(),
						failedStep, week);
			}
			return true;
		}
		catch (MessagingException | MailException ex) {
			logger.warn("Could not notify the owners of job {} through {}: {}", job.name(), this.transport.describe(),
					MailErrors.describe(ex));
			if (ex instanceof MailException && message != null) {
				hold(message, "the failure notice of job " + job.name() + " (step " + failedStep + " failed for "
						+ week + ")");
			}
			return false;
		}
	}

	private void hold(EnvelopeMimeMessage message, String what) {
		if (this.held == null) {
			return;
		}
		try {
			this.held.hold(message, what);
		}
		catch (IOException ex) {
			logger.warn("Could not hold {}; it is lost: {}", what, ex.getMessage());
		}
	}

	static String body(String jobName, String week, String failedStep, String reason, Instant at) {
		return "The push-loss report job \"" + jobName + "\" failed.\n\n" + "Week:        " + week + "\n"
				+ "Failed step: " + failedStep + "\n" + "Reason:      " + OperatorText.sanitise(reason) + "\n\n"
				+ "What happens next: fix the cause, then restart the run or wait for the next scheduled run. Steps "
				+ "that completed are not repeated, and a weekly email still pending is sent once.\n\n"
				+ "Failed at " + at + " (UTC). Details are in the log of the run.\n";
	}

}
