package io.pushloss.delivery.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.ReportTexts;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.report.RehearsalReport;
import io.pushloss.report.ReportDocuments;

/**
 * Builds the weekly email in the readers' language: {@code multipart/mixed} holding a {@code multipart/alternative}
 * of plain text and HTML (its vendor charts are HTML bars, no image) and the PDF and workbook attachments.
 */
public class ReportMessageComposer {

	private static final Logger logger = LoggerFactory.getLogger(ReportMessageComposer.class);

	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final MailTemplates templates;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final ReportTexts texts;

	private final ConsoleLinks links;

	private volatile boolean warm;

	public ReportMessageComposer(MailTemplates templates, DeliveryProperties properties, Clock clock) {
		this(templates, properties, clock, ReportTexts.bundled(), ConsoleLinks.none());
	}

	public ReportMessageComposer(MailTemplates templates, DeliveryProperties properties, Clock clock,
			ReportTexts texts, ConsoleLinks links) {
		this.templates = templates;
		this.properties = properties;
		this.clock = clock;
		this.texts = texts;
		this.links = links;
	}

	/**
	 * Composes the message of a report in the report's language, naming the archive folder by its last three
	 * names ({@code job/year/week}).
	 * @param archiveFolder where the full set is archived, or {@code null} when unknown
	 */
	public Composed compose(Session session, String messageId, String jobName, RecipientSet recipients,
			WeeklyReport report, ReportDocuments documents, Path archiveFolder) throws MessagingException {
		return compose(session, messageId, jobName, recipients, report, documents, relative(archiveFolder),
				report.header().locale());
	}

	/**
	 * Composes the message of a report in one language; the attachments follow {@link AttachmentPlan} and the
	 * configured limit.
	 * @param archiveRelative the week's archive folder relative to the archive root ({@code demo/2026/2026-W46}),
	 * or {@code null} when unknown
	 * @param locale the readers' language
	 */
	public Composed compose(Session session, String messageId, String jobName, RecipientSet recipients,
			WeeklyReport report, ReportDocuments documents, String archiveRelative, Locale locale)
			throws MessagingException {
		AttachmentPlan attachments = AttachmentPlan.of(documents, this.properties.maxAttachmentBytes().toBytes());
		ReportText text = this.texts.in(locale);
		ReportMailView view = ReportMailView.of(report, text, footer(jobName, report, documents, attachments,
				archiveRelative, text));
		Map<String, Object> variables = Map.of("view", view);
		String html = this.templates.render("email/weekly-report.html", variables, locale);
		String plain = this.templates.render("email/weekly-report.txt", variables, locale);

		EnvelopeMimeMessage message = new EnvelopeMimeMessage(session, messageId, recipients.bcc());
		MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
				"UTF-8");
		helper.setFrom(new InternetAddress(this.properties.from(), true));
		helper.setTo(recipients.to().toArray(new InternetAddress[0]));
		helper.setCc(recipients.cc().toArray(new InternetAddress[0]));
		helper.setSubject(view.subject());
		helper.setSentDate(Date.from(this.clock.instant()));
		helper.setText(plain, html);
		message.setHeader("Content-Language", locale.toLanguageTag());
		if (attachments.pdf() != null) {
			helper.addAttachment(attachments.pdf().getFileName().toString(), new FileSystemResource(attachments.pdf()),
					"application/pdf");
		}
		if (attachments.excel() != null) {
			helper.addAttachment(attachments.excel().getFileName().toString(),
					new FileSystemResource(attachments.excel()), XLSX_TYPE);
		}
		markAutomatic(message, jobName, report.header().week().toString());
		this.warm = true;
		return new Composed(message, attachments);
	}

	/** Whether this composer has rendered the email templates in this process (by {@link #warmUp()} or a message). */
	public boolean isWarm() {
		return this.warm;
	}

	/**
	 * Does the one-time work of the first email ahead of it, meant for a background thread while the data is
	 * fetched: renders the HTML and text of a tiny made-up report, which parses the templates and loads the template
	 * engine's expression and dialect classes (about 0.4 s of the first email on an idle machine). Never throws: a
	 * failure is logged in one line, and the first message meets and reports it as usual.
	 * @return whether the composer is now warm
	 */
	public boolean warmUp() {
		try {
			WeeklyReport rehearsal = RehearsalReport.create();
			Locale locale = rehearsal.header().locale();
			ReportText text = this.texts.in(locale);
			ReportMailView view = ReportMailView.of(rehearsal, text, new ReportMailView.Footer(null, List.of(), null,
					null, text.get("email.footer.attached.both"), "warm-up"));
			Map<String, Object> variables = Map.of("view", view);
			this.templates.render("email/weekly-report.html", variables, locale);
			this.templates.render("email/weekly-report.txt", variables, locale);
			this.warm = true;
			return true;
		}
		catch (RuntimeException | LinkageError ex) {
			logger.warn("Could not warm up the email templates (the first email will load them and report any error): "
					+ "{}", (ex.getMessage() != null) ? ex.getMessage() : ex.toString());
			logger.debug("Email templates warm-up failure", ex);
			return false;
		}
	}

	private ReportMailView.Footer footer(String jobName, WeeklyReport report, ReportDocuments documents,
			AttachmentPlan attachments, String archiveRelative, ReportText text) {
		String week = report.header().week().toString();
		List<ReportMailView.Link> links = new ArrayList<>();
		if (this.links.enabled()) {
			for (Path document : new Path[] { documents.pdf(), documents.excel(), documents.summaryJson() }) {
				if (document != null) {
					String name = document.getFileName().toString();
					links.add(new ReportMailView.Link(name, this.links.document(jobName, week, name)));
				}
			}
		}
		String note = attachments.excelOmitted() ? text.get("email.footer.attachment-note",
				megabytes(attachments.encodedBytes()), megabytes(attachments.limitBytes())) : null;
		String attached = text.get(attachments.excelOmitted() ? "email.footer.attached.pdf"
				: "email.footer.attached.both");
		String generated = text.get("email.footer.generated",
				GENERATED.format(report.header().generatedAt().atZone(report.header().zone())));
		return new ReportMailView.Footer(this.links.weekPage(jobName, week), links,
				this.links.enabled() ? null : archiveRelative, note, attached, generated);
	}

	/** The last three names of an archive folder ({@code job/year/week}): what a reader of the share sees. */
	static String relative(Path archiveFolder) {
		if (archiveFolder == null || archiveFolder.getNameCount() == 0) {
			return null;
		}
		int count = archiveFolder.getNameCount();
		return archiveFolder.subpath(Math.max(0, count - 3), count).toString().replace('\\', '/');
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
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
