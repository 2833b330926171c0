package io.pushloss.delivery.mail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;

import io.pushloss.analysis.WeeklyReport;
import io.pushloss.delivery.mail.DeliveryLedger.Claim;
import io.pushloss.delivery.mail.MailOutcome.Status;
import io.pushloss.delivery.mail.ReportMessageComposer.Composed;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinition.RecipientGroup;
import io.pushloss.report.ReportDocuments;

/**
 * Sends the weekly email of a job and week exactly once per recipient set, through the delivery ledger: the PENDING
 * entry and its Message-ID are committed before the message leaves and the entry is marked SENT after the server
 * accepted it (OUTBOX when it was written to the outbox folder instead). A week already SENT is not sent again unless {@code resend} is asked.
 * <p>
 * The claim holds the entry's row lock from before the message is composed until SENT is committed, so two
 * processes or nodes sending the same email never both send it: the second waits and finds it SENT.
 * <p>
 * Worst case: when the process dies after the server accepted the message but before SENT was recorded, the next
 * run sends the message again with the same Message-ID (at-least-once at that single point; mail clients thread or
 * drop the duplicate).
 */
public class ReportMailer {

	private static final Logger logger = LoggerFactory.getLogger(ReportMailer.class);

	private final MailTransport transport;

	private final MailSendRetry retry;

	private final DeliveryLedger ledger;

	private final ReportMessageComposer composer;

	private final DeliveryProperties properties;

	public ReportMailer(MailTransport transport, MailSendRetry retry, DeliveryLedger ledger,
			ReportMessageComposer composer, DeliveryProperties properties) {
		this.transport = transport;
		this.retry = retry;
		this.ledger = ledger;
		this.composer = composer;
		this.properties = properties;
	}

	/**
	 * Sends the report's email to the job's recipients unless the ledger says it was sent; the archive folder is
	 * named by its last three names.
	 * @param archiveFolder where the full set is archived (named in the body), or {@code null}
	 * @param resend send again even when the ledger says SENT (a new Message-ID)
	 * @throws DeliveryException when the message could not be composed or the SMTP server kept failing
	 */
	public MailOutcome send(JobDefinition job, WeeklyReport report, ReportDocuments documents, Path archiveFolder,
			boolean resend) {
		return sendToEveryGroup(job, report, documents, ReportMessageComposer.relative(archiveFolder), resend);
	}

	/**
	 * Sends the report's email to each recipient group of the job in the group's language (the job's own
	 * recipients first), each exactly once: every group has its own ledger entry and Message-ID. The report is
	 * analysed once; only the words differ.
	 * @param archiveRelative the week's archive folder relative to the archive root, or {@code null}
	 * @param resend send again even when the ledger says SENT (a new Message-ID)
	 * @throws DeliveryException when a message could not be composed or the SMTP server kept failing (the groups
	 * before it stay sent; the next run sends the rest once)
	 */
	public MailOutcome sendToEveryGroup(JobDefinition job, WeeklyReport report, ReportDocuments documents,
			String archiveRelative, boolean resend) {
		String week = report.header().week().toString();
		List<MailOutcome> outcomes = new ArrayList<>();
		List<RecipientGroup> groups = job.recipientGroups();
		for (int i = 0; i < groups.size(); i++) {
			RecipientGroup group = groups.get(i);
			RecipientSet recipients = RecipientSet.of(group, i == 0);
			if (recipients.isEmpty()) {
				logger.warn("Job {} has no {} recipients: the email of {} is not sent", job.name(),
						group.languageTag(), week);
				outcomes.add(new MailOutcome(Status.NO_RECIPIENTS, null, null, 0, false));
				continue;
			}
			String purpose = (i == 0) ? "push-loss" : "push-loss-" + group.languageTag();
			try (Claim claim = this.ledger.claim(job.name(), week, recipients,
					() -> MessageIds.generate(purpose, job.name(), week, this.properties.from()), resend)) {
				outcomes.add(send(job, report, documents, archiveRelative, week, recipients, group.locale(), claim));
			}
		}
		return MailOutcome.combine(outcomes);
	}

	// Runs while the claim holds the ledger entry's lock: no other process sends this email meanwhile.
	private MailOutcome send(JobDefinition job, WeeklyReport report, ReportDocuments documents,
			String archiveRelative, String week, RecipientSet recipients, Locale locale, Claim claim) {
		LedgerEntry entry = claim.entry();
		if (!claim.send()) {
			boolean outbox = entry.state() == LedgerEntry.LedgerState.OUTBOX;
			logger.info("The email of job {} for {} was {} at {} (Message-ID {}): nothing sent; use --resend to send "
					+ "it again", job.name(), week, outbox ? "written to the outbox folder" : "sent", entry.sentAt(),
					entry.messageId());
			return new MailOutcome(outbox ? Status.ALREADY_IN_OUTBOX : Status.ALREADY_SENT, claim.decision(),
					entry.messageId(), recipients.size(), false);
		}
		Composed composed;
		try {
			composed = this.composer.compose(this.transport.session(), entry.messageId(), job.name(), recipients,
					report, documents, archiveRelative, locale);
		}
		catch (MessagingException | RuntimeException ex) {
			throw new DeliveryException("Could not compose the weekly email of job " + job.name() + " for " + week
					+ ": " + MailErrors.describe(ex), job.name(), week, entry.messageId(), ex);
		}
		AtomicInteger attempts = new AtomicInteger();
		try {
			this.retry.send(this.transport, composed.message(), new MailSendRetry.AttemptListener() {

				@Override
				public void beforeAttempt(int attempt) {
					attempts.set(attempt);
					claim.recordAttempt();
				}

				@Override
				public void failed(int attempt, MailException failure) {
					claim.recordFailure(MailErrors.describe(failure));
				}

			});
		}
		catch (MailException ex) {
			throw new DeliveryException(String.format(
					"Could not send the weekly email of job %s for %s through %s after %d attempt(s): %s. It stays "
							+ "PENDING in the delivery ledger with Message-ID %s; "
							+ "the next run or a restart sends it once.",
					job.name(), week, this.transport.describe(), attempts.get(), MailErrors.describe(ex),
					entry.messageId()), job.name(), week, entry.messageId(), ex);
		}
		if (this.transport.mode() == MailMode.OUTBOX) {
			claim.markWrittenToOutbox();
			logger.info("Wrote the email of job {} for {} to the {} (Message-ID {}, {}), nothing was sent: no SMTP "
					+ "host is configured", job.name(), week, this.transport.describe(), entry.messageId(),
					claim.decision());
			return new MailOutcome(Status.OUTBOX, claim.decision(), entry.messageId(), recipients.size(),
					composed.attachments().excelOmitted());
		}
		claim.markSent();
		logger.info("Sent the email of job {} for {} to {} recipient(s) through {} (Message-ID {}, {})", job.name(),
				week, recipients.size(), this.transport.describe(), entry.messageId(), claim.decision());
		return new MailOutcome(Status.SENT, claim.decision(), entry.messageId(), recipients.size(),
				composed.attachments().excelOmitted());
	}

}
