package io.pushloss.delivery.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pushloss.analysis.ReportText;

import static org.assertj.core.api.Assertions.assertThat;

/** Every {@code #{key}} of the email templates is in the bundles, in English and in Chinese. */
class EmailTemplateKeysTests {

	private static final Pattern KEY = Pattern.compile("#\\{([a-z0-9.-]+)");

	@ParameterizedTest
	@ValueSource(strings = { "weekly-report.html", "weekly-report.txt" })
	void everyMessageKeyOfTheTemplateIsInTheBundles(String template) throws IOException {
		String text = Files.readString(Path.of("reports-templates/email", template)).replaceAll("(?s)<!--.*?-->", "");
		Set<String> keys = new TreeSet<>();
		Matcher matcher = KEY.matcher(text);
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		assertThat(keys).contains("email.heading", "email.attention.title");
		ReportText chinese = ReportText.bundled(Locale.SIMPLIFIED_CHINESE);
		for (String key : keys) {
			assertThat(chinese.has(key)).as(key).isTrue();
			// present in zh_CN itself, not only through the English fallback
			assertThat(chinese.get(key, "x", "y", "z", "w")).as(key)
				.isNotEqualTo(ReportText.bundled(Locale.ENGLISH).get(key, "x", "y", "z", "w"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "weekly-report.html", "weekly-report.txt" })
	void theTemplatesHoldNoEnglishSentenceOutsideTheBundles(String template) throws IOException {
		String text = Files.readString(Path.of("reports-templates/email", template))
			// comments, tags, expressions and the sample text Thymeleaf replaces are not shown to readers
			.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?s)<style>.*?</style>", "")
			.replaceAll("(?s)(<[^>]*th:(text|each|if|unless)[^>]*>)[^<]*(?=<)", "$1")
			.replaceAll("(?s)<[^>]*>", " ")
			.replaceAll("\\[\\(.*?\\)\\]|\\[/?#[^\\]]*\\]|\\[/\\]", " ");
		assertThat(text.replaceAll("[\\s·:;,()/=*\\-|0-9%+.]", "")).as(template).isEmpty();
	}

}
