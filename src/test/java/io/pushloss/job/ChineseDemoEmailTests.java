package io.pushloss.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zh-CN demo job (jobs/demo-zh.yml) through the whole job: fetched once, mailed in Chinese to its recipients and
 * in English to its English group, and every Chinese string of the demo (its title, its task names, the vendors'
 * Chinese texts the email names) survives into both messages.
 */
class ChineseDemoEmailTests extends WholeJobTestBase {

	@Test
	void everyChineseStringOfTheDemoSurvivesIntoTheEmailOfEachLanguageFromOneFetch() throws Exception {
		JobDefinition demo = new JobDefinitionLoader().load(Path.of("jobs/demo-zh.yml"));
		// the demo as it is, with an application of its own, weekly windows and one baseline week (fewer calls)
		JobDefinition job = new JobDefinition("demo-zh-mail", demo.zone(), demo.schedule(),
				new JobDefinition.ApiSettings(null, null, 1400000311L, "administrator", "TIM_SECRET_KEY", true, 42),
				demo.sources(), Period.ofDays(7), 1, demo.recipients(), demo.owners(), demo.archive(), null,
				demo.displayName(), demo.locale());

		RunOutcome outcome = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		JsonNode summary = JsonMapper.builder()
			.build()
			.readTree(Files.readString(reportFolder(job, W46).resolve("summary.json")));
		long planned = 0;
		for (JsonNode week : summary.get("completeness").get("weeks")) {
			planned += week.get("plannedWindows").asLong();
		}
		assertThat(simulatorCalls(job)).as("one fetch for both languages").isEqualTo(planned);

		List<MimeMessage> messages = List.of(greenMail.getReceivedMessages())
			.stream()
			.filter((message) -> subject(message).startsWith("[" + demo.displayName() + "] "))
			.toList();
		MimeMessage chinese = only(messages, "zh-CN");
		MimeMessage english = only(messages, "en");
		assertThat(chinese.getMessageID()).isNotEqualTo(english.getMessageID());
		assertThat(chinese.getSubject()).contains("推送丢失 2026年第46周");
		assertThat(english.getSubject()).contains("Push loss 2026-W46");

		Set<String> strings = new LinkedHashSet<>();
		strings.add(demo.displayName());
		strings.addAll(demo.sources().allMemberTasks());
		for (JsonNode cause : summary.get("story").get("anomalies")) {
			String info = cause.get("errInfo").asString();
			if (info.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				strings.add(info);
			}
		}
		assertThat(strings).as("the demo has Chinese vendor texts among its anomalies").hasSizeGreaterThan(4);
		for (MimeMessage message : List.of(chinese, english)) {
			for (String type : List.of("text/html", "text/plain")) {
				assertThat(text(message, type)).as(message.getContentLanguage()[0] + " " + type).contains(strings);
			}
		}
		assertThat(text(chinese, "text/html")).contains("需要关注", "负责方", "lang=\"zh-CN\"");
	}

	private static MimeMessage only(List<MimeMessage> messages, String language) throws MessagingException {
		List<MimeMessage> matching = new ArrayList<>();
		for (MimeMessage message : messages) {
			if (message.getContentLanguage() != null && message.getContentLanguage()[0].equals(language)) {
				matching.add(message);
			}
		}
		assertThat(matching.stream().map(ChineseDemoEmailTests::messageId).distinct()).as(language).hasSize(1);
		return matching.get(0);
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Part part, String type) throws MessagingException, IOException {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = text(child, type);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()))
				? (String) part.getContent() : null;
	}

}
