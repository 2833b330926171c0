package io.pushloss.delivery.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.pushloss.analysis.WeeklyReport;
import io.pushloss.report.ReportDocuments;

/**
 * Builds the weekly email: {@code multipart/mixed} holding {@code multipart/related} (a
 * {@code multipart/alternative} of plain text and HTML, plus the vendor chart as {@code cid:vendor-chart}) and the
 * PDF and workbook attachments.
 */
public class ReportMessageComposer {

	/** The Content-ID of the inline vendor chart. */
	public static final String CHART_CID = "vendor-chart";

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final MailTemplates templates;

	private final DeliveryProperties properties;

	private final Clock clock;

	public ReportMessageComposer(MailTemplates templates, DeliveryProperties properties, Clock clock) {
		this.templates = templates;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Composes the message of a report; the attachments follow {@link AttachmentPlan} and the configured limit.
	 * @param archiveFolder where the full set is archived, or {@code null} when unknown
	 */
	public Composed compose(Session session, String messageId, String jobName, RecipientSet recipients,
			WeeklyReport report, ReportDocuments documents, Path archiveFolder) throws MessagingException {
		AttachmentPlan attachments = AttachmentPlan.of(documents, this.properties.maxAttachmentBytes().toBytes());
		Path chart = documents.vendorChartPng();
		boolean hasChart = chart != null && Files.isRegularFile(chart);
		ReportMailView view = ReportMailView.of(jobName, report, attachments, archiveFolder, hasChart);
		Map<String, Object> variables = Map.of("view", view);
		String html = this.templates.render("email/weekly-report.html", variables);
		String text = this.templates.render("email/weekly-report.txt", variables);

		EnvelopeMimeMessage message = new EnvelopeMimeMessage(session, messageId, recipients.bcc());
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(new InternetAddress(this.properties.from(), true));
		helper.setTo(recipients.to().toArray(new InternetAddress[0]));
		helper.setCc(recipients.cc().toArray(new InternetAddress[0]));
		helper.setSubject(view.subject());
		helper.setSentDate(Date.from(this.clock.instant()));
		helper.setText(text, html);
		if (hasChart) {
			helper.addInline(CHART_CID, chart.getFileName().toString(), new FileSystemResource(chart), "image/png");
		}
		if (attachments.pdf() != null) {
			helper.addAttachment(attachments.pdf().getFileName().toString(), new FileSystemResource(attachments.pdf()),
					"application/pdf");
		}
		if (attachments.excel() != null) {
			helper.addAttachment(attachments.excel().getFileName().toString(),
					new FileSystemResource(attachments.excel()), XLSX_TYPE);
		}
		markAutomatic(message, jobName, report.header().week().toString());
		return new Composed(message, attachments);
	}

	/** A composed message and what it carries. */
	public record Composed(EnvelopeMimeMessage message, AttachmentPlan attachments) {
	}

	/** Tells auto-responders not to answer and lets mail filters pick the job and week. */
	static void markAutomatic(EnvelopeMimeMessage message, String jobName, String week) throws MessagingException {
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader("X-Pushloss-Job", jobName.replaceAll("[^A-Za-z0-9._-]", "_"));
		message.setHeader("X-Pushloss-Week", week.replaceAll("[^A-Za-z0-9._-]", "_"));
	}

}
