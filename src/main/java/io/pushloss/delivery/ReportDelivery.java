package io.pushloss.delivery;

import java.nio.file.Path;
import java.util.function.Consumer;

import io.pushloss.analysis.WeeklyReport;
import io.pushloss.delivery.archive.ArchiveException;
import io.pushloss.delivery.archive.ReportArchiver;
import io.pushloss.delivery.mail.DeliveryException;
import io.pushloss.delivery.mail.MailOutcome;
import io.pushloss.delivery.mail.ReportMailer;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;

/**
 * The {@code deliver} step's work: archive the week's documents first, then send the email that points to the
 * archive. When the SMTP server is down the archive is already complete; the email stays PENDING in the ledger and
 * the next run or a restart sends it once.
 */
public class ReportDelivery {

	private final ReportArchiver archiver;

	private final ReportMailer mailer;

	public ReportDelivery(ReportArchiver archiver, ReportMailer mailer) {
		this.archiver = archiver;
		this.mailer = mailer;
	}

	/**
	 * Archives, then mails.
	 * @param force archive a new revision when the week is archived with different content
	 * @param resend email again even when the ledger says the week was sent
	 * @throws ArchiveException when archiving failed (nothing is mailed then)
	 * @throws DeliveryException when the email could not be sent (the archive is complete)
	 */
	public Result deliver(JobDefinition job, WeeklyReport report, ReportDocuments documents, boolean force,
			boolean resend) {
		return deliver(job, report, documents, force, resend, (folder) -> {
		});
	}

	/**
	 * Archives, tells {@code archived} where, then mails.
	 * @param archived hears the archive folder before the email is sent (so a failed email still knows it)
	 * @throws ArchiveException when archiving failed (nothing is mailed then)
	 * @throws DeliveryException when the email could not be sent (the archive is complete)
	 */
	public Result deliver(JobDefinition job, WeeklyReport report, ReportDocuments documents, boolean force,
			boolean resend, Consumer<Path> archived) {
		Path folder = this.archiver.archive(job, report.header().week(), documents, force);
		archived.accept(folder);
		// readers see the folder relative to the archive root (a share they mount), never the server's path
		Path root = this.archiver.root(job);
		String relative = folder.startsWith(root) ? root.relativize(folder).toString().replace('\\', '/')
				: folder.getFileName().toString();
		MailOutcome mail = this.mailer.sendToEveryGroup(job, report, documents, relative, resend);
		return new Result(folder, mail);
	}

	/**
	 * @param archiveFolder the folder the documents are archived in
	 * @param mail what the mailer did
	 */
	public record Result(Path archiveFolder, MailOutcome mail) {
	}

}
