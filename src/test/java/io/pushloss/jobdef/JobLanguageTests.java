package io.pushloss.jobdef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The job file's {@code locale}, {@code display-name} and {@code recipients.groups}. */
class JobLanguageTests {

	private static final Path DEMO = Path.of("jobs/demo.yml");

	private final JobDefinitionLoader loader = new JobDefinitionLoader();

	@TempDir
	Path dir;

	@Test
	void aJobWithoutLocaleOrDisplayNameIsInEnglishAndTitledByItsName() throws IOException {
		JobDefinition job = this.loader.load(demoWith());
		assertThat(job.locale()).isEqualTo(Locale.ENGLISH);
		assertThat(job.displayName()).isEqualTo("demo");
		assertThat(job.recipientGroups()).singleElement().satisfies((group) -> {
			assertThat(group.locale()).isEqualTo(Locale.ENGLISH);
			assertThat(group.to()).containsExactly("pm@example.com");
			assertThat(group.bcc()).containsExactly("audit@example.com");
		});
	}

	@Test
	void aChineseJobWithAnEnglishGroupMailsEachLanguageToItsOwnRecipients() throws IOException {
		JobDefinition job = this.loader.load(demoWith("name: demo\n", """
				name: demo
				display-name: 推送丢失周报 (演示)
				locale: zh-CN
				""", "  bcc:\n    - audit@example.com\n", """
				  bcc:
				    - audit@example.com
				  groups:
				    - locale: en
				      to: [overseas-pm@example.com]
				      cc: [overseas-team@example.com]
				"""));
		assertThat(job.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(job.displayName()).isEqualTo("推送丢失周报 (演示)");
		assertThat(job.recipientGroups()).extracting(JobDefinition.RecipientGroup::languageTag)
			.containsExactly("zh-CN", "en");
		assertThat(job.recipientGroups().get(1).to()).containsExactly("overseas-pm@example.com");
		assertThat(job.recipientGroups().get(1).cc()).containsExactly("overseas-team@example.com");
		assertThat(job.recipientGroups().get(1).bcc()).isEmpty();
	}

	@Test
	void aLocaleOtherThanEnglishOrSimplifiedChineseIsRejectedWithTheChoices() throws IOException {
		assertRejected(demoWith("name: demo\n", "name: demo\nlocale: fr\n"), "locale", "must be one of en or zh-CN");
	}

	@Test
	void aGroupInTheJobsOwnLanguageIsRejected() throws IOException {
		assertRejected(demoWith("  bcc:\n    - audit@example.com\n",
				"  bcc:\n    - audit@example.com\n  groups:\n    - locale: en\n      to: [a@example.com]\n"),
				"recipients.groups[0].locale", "is the job's own locale (en)");
	}

	@Test
	void twoGroupsInOneLanguageAreRejected() throws IOException {
		assertRejected(demoWith("  bcc:\n    - audit@example.com\n", """
				  bcc:
				    - audit@example.com
				  groups:
				    - { locale: zh-CN, to: [a@example.com] }
				    - { locale: zh_cn, to: [b@example.com] }
				"""), "recipients.groups[1].locale", "repeats the locale of recipients.groups[0]");
	}

	@Test
	void aGroupsAddressesAreValidatedAtTheirPosition() throws IOException {
		assertRejected(demoWith("  bcc:\n    - audit@example.com\n", """
				  bcc:
				    - audit@example.com
				  groups:
				    - { locale: zh-CN, to: [a@example.com, not an address] }
				"""), "recipients.groups[0].to[1]", "must be one email address");
		assertRejected(demoWith("  bcc:\n    - audit@example.com\n", """
				  bcc:
				    - audit@example.com
				  groups:
				    - { to: [a@example.com] }
				"""), "recipients.groups[0].locale", "is required");
	}

	@Test
	void anUnknownKeyInAGroupNamesTheAllowedKeys() throws IOException {
		InvalidJobDefinitionException ex = rejection(demoWith("  bcc:\n    - audit@example.com\n", """
				  bcc:
				    - audit@example.com
				  groups:
				    - { locale: zh-CN, too: [a@example.com] }
				"""));
		assertThat(ex.getMessage()).contains("too").contains("unknown key").contains("locale");
	}

	@Test
	void aBlankDisplayNameIsRejected() throws IOException {
		assertRejected(demoWith("name: demo\n", "name: demo\ndisplay-name: \"  \"\n"), "display-name",
				"must not be blank");
	}

	private void assertRejected(Path file, String field, String reasonFragment) {
		InvalidJobDefinitionException ex = rejection(file);
		assertThat(ex.field()).isEqualTo(field);
		assertThat(ex.reason()).contains(reasonFragment);
	}

	private InvalidJobDefinitionException rejection(Path file) {
		return assertThatExceptionOfType(InvalidJobDefinitionException.class).isThrownBy(() -> this.loader.load(file))
			.actual();
	}

	private Path demoWith(String... replacements) throws IOException {
		// the demo job names itself (display-name); these tests start from a job that does not
		String demo = Files.readString(DEMO).replaceAll("(?m)^display-name:.*\\R", "");
		for (int i = 0; i < replacements.length; i += 2) {
			assertThat(demo).contains(replacements[i]);
			demo = demo.replace(replacements[i], replacements[i + 1]);
		}
		return Files.writeString(this.dir.resolve("demo.yml"), demo);
	}

}
