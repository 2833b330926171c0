package io.pushloss.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery through the whole job to a real SMTP server: one message per week, the documents attached, the right
 * envelope, the subject's figures from summary.json, exactly once even when the SMTP server was down.
 */
class WeeklyReportDeliveryTests extends WholeJobTestBase {

	@Test
	void sendsOneMessageWithBothDocumentsAndSummaryFiguresToEveryRecipientOnce() throws Exception {
		JobDefinition job = simulatorJob("delivery-mail", 1400000301L, Period.ofDays(7), 1, true, List.of());

		RunOutcome outcome = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		List<MimeMessage> received = received(job);
		// one copy per recipient (to, cc, bcc) of one message
		assertThat(received).hasSize(3);
		assertThat(received.stream().map(WeeklyReportDeliveryTests::messageId).distinct()).hasSize(1);
		assertThat(greenMail.findReceivedMessages((user) -> user.getEmail().equals("audit@example.com"),
				(copy) -> subject(copy).startsWith("[delivery-mail] ")))
			.as("the bcc recipient's copy")
			.hasSize(1);
		MimeMessage message = received.get(0);
		assertThat(addresses(message, RecipientType.TO)).containsExactly("pm@example.com");
		assertThat(addresses(message, RecipientType.CC)).containsExactly("push-team@example.com");
		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(raw(message)).doesNotContain("audit@example.com");
		assertThat(message.getSubject()).isEqualTo(expectedSubject(job));

		assertThat(attachmentNames(message)).containsExactlyInAnyOrder("push-loss-delivery-mail-2026-W46.pdf",
				"push-loss-delivery-mail-2026-W46.xlsx");
		// the vendor charts are HTML bars; the archive is named relative to its root, never as a server path
		assertThat(leaves(message).stream().filter((part) -> isMimeType(part, "image/png"))).isEmpty();
		Part html = leaves(message).stream().filter((part) -> isMimeType(part, "text/html")).findFirst().orElseThrow();
		assertThat((String) html.getContent()).contains("delivery-mail/2026/2026-W46")
			.doesNotContain(dataDir.toString());

		RunOutcome again = this.runner.run(job, W46, RunOptions.DEFAULT);
		RunOutcome forced = this.runner.run(job, W46, new RunOptions(true, true, false));

		assertThat(again.status()).isEqualTo(RunOutcome.Status.ALREADY_COMPLETE);
		assertThat(forced.status()).as(forced.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(received(job)).as("the ledger says the week was sent").hasSize(3);
	}

	@Test
	void whenTheSmtpServerIsDownTheRunFailsAfterArchivingAndTheNextRunSendsTheReportOnce() throws Exception {
		JobDefinition job = simulatorJob("delivery-smtp-down", 1400000302L, Period.ofDays(7), 1, true, List.of());
		Path archived = dataDir.resolve("archive/delivery-smtp-down/2026/2026-W46");
		greenMail.stop();
		RunOutcome failed;
		try {
			failed = this.runner.run(job, W46, RunOptions.DEFAULT);
		}
		finally {
			greenMail.start();
		}

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.message()).contains("Could not send the weekly email of job delivery-smtp-down for 2026-W46",
				"PENDING").doesNotContain("\tat ");
		assertThat(archived.resolve("SHA256SUMS")).as("archived before mailing").isRegularFile();
		assertThat(received(job)).as("neither the report nor the failure notification got through").isEmpty();

		RunOutcome resumed = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(resumed.status()).as(resumed.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(resumed.calls()).as("only the deliver step ran again").isZero();
		List<MimeMessage> received = received(job);
		String notice = "[delivery-smtp-down] Push loss 2026-W46: run FAILED at step deliver";
		List<MimeMessage> reports = received.stream().filter((message) -> !notice.equals(subject(message))).toList();
		assertThat(reports).hasSize(3).allSatisfy((message) -> assertThat(subject(message))
			.isEqualTo(expectedSubject(job)));
		assertThat(reports.stream().map(WeeklyReportDeliveryTests::messageId).distinct()).hasSize(1);
		assertThat(received).as("the held failure notice, sent once after the report got through").hasSize(4);
		assertThat(subject(received.get(3))).isEqualTo(notice);
		assertThat(dataDir.resolve("held-notices")).isEmptyDirectory();
		assertThat(this.runner.run(job, W46, RunOptions.DEFAULT).status())
			.isEqualTo(RunOutcome.Status.ALREADY_COMPLETE);
		assertThat(received(job)).hasSize(4);
	}

	/** The subject built from summary.json: each source's headline and the anomalous causes (vendor and code). */
	private static String expectedSubject(JobDefinition job) throws IOException {
		JsonNode summary = JsonMapper.builder()
			.build()
			.readTree(Files.readString(reportFolder(job, W46).resolve("summary.json")));
		List<String> sources = new ArrayList<>();
		for (JsonNode headline : summary.get("headline")) {
			sources.add(String.format(Locale.ROOT, "%s %,d lost (%s)", headline.get("sourceName").asString(),
					headline.get("thisWeek").asLong(), headline.get("percentLabel").asString()));
		}
		java.util.Set<String> anomalies = new java.util.HashSet<>();
		for (JsonNode code : summary.get("codes")) {
			if (code.get("anomaly").asBoolean()) {
				anomalies.add(code.get("vendor").asString() + "/" + code.get("errCode").asString());
			}
		}
		assertThat(sources).hasSize(2);
		assertThat(anomalies).hasSizeGreaterThan(1);
		JsonNode mover = summary.get("story").get("biggestMover");
		String vendor = io.pushloss.analysis.ReportText.bundled(Locale.ENGLISH)
			.vendor(io.pushloss.domain.Vendor.valueOf(mover.get("vendor").asString()));
		return "[" + job.name() + "] Push loss 2026-W46: " + vendor + " " + mover.get("errCode").asString() + " "
				+ mover.get("factor").decimalValue().toPlainString() + "x its baseline; " + String.join("; ", sources)
				+ ", " + anomalies.size() + " anomalies";
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> addresses(MimeMessage message, RecipientType type) throws MessagingException {
		return List.of(message.getRecipients(type)).stream().map(Object::toString).toList();
	}

	private static String raw(MimeMessage message) throws MessagingException, IOException {
		var out = new java.io.ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static List<Part> leaves(Part part) throws MessagingException, IOException {
		List<Part> leaves = new ArrayList<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				leaves.addAll(leaves(child));
			}
		}
		else {
			leaves.add(part);
		}
		return leaves;
	}

	private static List<String> attachmentNames(Part message) throws MessagingException, IOException {
		List<String> names = new ArrayList<>();
		for (Part part : leaves(message)) {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				names.add(part.getFileName());
			}
		}
		return names;
	}

	private static boolean isMimeType(Part part, String type) {
		try {
			return part.isMimeType(type);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
