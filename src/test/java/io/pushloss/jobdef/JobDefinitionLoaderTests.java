package io.pushloss.jobdef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.domain.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobDefinitionLoaderTests {

	private static final Path DEMO = Path.of("jobs/demo.yml");

	private static final Path PRODUCTION = Path.of("jobs/weekly-push-loss.yml");

	private final JobDefinitionLoader loader = new JobDefinitionLoader();

	@TempDir
	Path dir;

	@Test
	void loadsTheShippedDemoJob() {
		JobDefinition job = this.loader.load(DEMO);
		assertThat(job.name()).isEqualTo("demo");
		assertThat(job.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(job.schedule()).isEqualTo("0 0 9 ? * MON");
		assertThat(job.api().simulator()).isTrue();
		assertThat(job.api().simulatorSeed()).isEqualTo(42);
		assertThat(job.api().region()).isNull();
		assertThat(job.api().baseUrl()).isNull();
		assertThat(job.api().secretKeyEnv()).isEqualTo("TIM_SECRET_KEY");
		assertThat(job.sources().allMemberTasks()).containsExactly("spring-sale", "app-update", "weekly-digest",
				"re-engagement", "onboarding", "holiday-promo");
		assertThat(job.recipients().to()).containsExactly("pm@example.com");
		assertThat(job.archive().dir()).isNull();
		assertThat(job.file()).isEqualTo(DEMO);
	}

	@Test
	void loadsTheShippedProductionJob() {
		JobDefinition job = this.loader.load(PRODUCTION);
		assertThat(job.name()).isEqualTo("weekly-push-loss");
		assertThat(job.api().region()).isEqualTo(Region.CHINA);
		assertThat(job.api().simulator()).isFalse();
		assertThat(job.api().sdkAppId()).isEqualTo(1400000000L);
		assertThat(job.api().identifier()).isEqualTo("administrator");
		assertThat(job.sources().allMemberTasks()).hasSize(2);
		assertThat(job.window()).isEqualTo(Period.ofDays(1));
		assertThat(job.baselineWeeks()).isEqualTo(4);
		assertThat(job.recipients().to()).allMatch((address) -> address.endsWith("@example.com"));
		assertThat(job.owners()).isNotEmpty();
		assertThat(job.archive().dir()).isEqualTo(Path.of("./data/archive"));
		assertThat(job.archive().resolveDir(Path.of("/elsewhere"))).isEqualTo(Path.of("./data/archive"));
	}

	@Test
	void appliesDefaultsToOptionalFields() throws IOException {
		Path file = write("minimal.yml", """
				name: minimal
				zone: Europe/Berlin
				schedule: "0 30 8 ? * MON"
				api:
				  base-url: http://127.0.0.1:8089/
				  sdkappid: 1
				  identifier: admin
				  secret-key-env: KEY
				recipients:
				  to: [pm@example.com]
				""");
		JobDefinition job = this.loader.load(file);
		assertThat(job.api().baseUrl()).isEqualTo("http://127.0.0.1:8089");
		assertThat(job.api().simulatorSeed()).isEqualTo(JobDefinitionLoader.DEFAULT_SIMULATOR_SEED);
		assertThat(job.sources().normal()).isTrue();
		assertThat(job.sources().allMemberTasks()).isEmpty();
		assertThat(job.window()).isEqualTo(Period.ofDays(1));
		assertThat(job.baselineWeeks()).isEqualTo(4);
		assertThat(job.baselineDetail()).isEqualTo(BaselineDetail.WEEKLY);
		assertThat(job.recipients().cc()).isEmpty();
		assertThat(job.recipients().bcc()).isEmpty();
		assertThat(job.owners()).isEmpty();
		assertThat(job.archive()).isEqualTo(new JobDefinition.ArchiveSettings(null, null));
		assertThat(job.archive().resolveDir(Path.of("/var/lib/push-loss")))
			.isEqualTo(Path.of("/var/lib/push-loss/archive"));
	}

	@Test
	void acceptsAWeekWrittenAsP1W() throws IOException {
		assertThat(this.loader.load(demoWith("window: P1D", "window: P1W")).window()).isEqualTo(Period.ofDays(7));
	}

	@Test
	void rejectsANegativeSdkAppIdWithTheDocumentedMessage() throws IOException {
		Path file = demoWith("sdkappid: 1400000000", "sdkappid: -5");
		assertThat(rejection(file)).hasMessage(file + ": api.sdkappid: must be a positive integer, got \"-5\"");
	}

	@Test
	void rejectsAnSdkAppIdThatIsNotANumber() throws IOException {
		assertRejected(demoWith("sdkappid: 1400000000", "sdkappid: 14e"), "api.sdkappid", "must be an integer");
	}

	@Test
	void rejectsAnUnknownZone() throws IOException {
		assertRejected(demoWith("zone: Asia/Shanghai", "zone: Mars/Olympus"), "zone", "time zone");
	}

	@Test
	void rejectsACronThatQuartzCannotParse() throws IOException {
		assertRejected(demoWith("\"0 0 9 ? * MON\"", "\"0 0 9 * * MON\""), "schedule", "Quartz cron");
	}

	@Test
	void rejectsAWindowOfEightDays() throws IOException {
		assertRejected(demoWith("window: P1D", "window: P8D"), "window", "P1D to P7D");
	}

	@Test
	void rejectsAWindowOfZeroDays() throws IOException {
		assertRejected(demoWith("window: P1D", "window: P0D"), "window", "P1D to P7D");
	}

	@Test
	void rejectsAMalformedRecipient() throws IOException {
		assertRejected(demoWith("- pm@example.com", "- pm@@example.com"), "recipients.to[0]", "email address");
	}

	@Test
	void rejectsAMalformedOwner() throws IOException {
		assertRejected(demoWith("- oncall@example.com", "- oncall at example.com"), "owners[0]", "email address");
	}

	@Test
	void rejectsAnEmptyRecipientList() throws IOException {
		assertRejected(demoWith("  to:\n    - pm@example.com", "  to: []"), "recipients.to", "at least one");
	}

	@Test
	void rejectsADuplicatedTaskIdNamingBothPositions() throws IOException {
		InvalidJobDefinitionException ex = assertRejected(demoWith("- onboarding", "- spring-sale"),
				"sources.all-member-tasks[4]", "repeats TaskID");
		assertThat(ex.reason()).contains("\"spring-sale\"").contains("[0]");
	}

	@Test
	void rejectsABlankTaskId() throws IOException {
		assertRejected(demoWith("- onboarding", "- \"  \""), "sources.all-member-tasks[4]", "must not be blank");
	}

	@Test
	void rejectsAnEmptyTaskIdItem() throws IOException {
		assertRejected(demoWith("- onboarding", "-"), "sources.all-member-tasks[4]", "must not be blank");
	}

	@Test
	void rejectsATaskIdLongerThan256Characters() throws IOException {
		assertRejected(demoWith("- onboarding", "- " + "t".repeat(257)), "sources.all-member-tasks[4]", "256");
	}

	@Test
	void rejectsAnUnknownKeyAtTopLevelNamingIt() throws IOException {
		InvalidJobDefinitionException ex = assertRejected(demoWith("window: P1D", "window: P1D\nwindows: P2D"),
				"windows", "unknown key");
		assertThat(ex.reason()).contains("baseline-weeks").contains("line ");
	}

	@Test
	void rejectsAnUnknownNestedKeyNamingItsPath() throws IOException {
		InvalidJobDefinitionException ex = assertRejected(
				demoWith("  identifier: administrator", "  identifier: administrator\n  secret-key: abc"),
				"api.secret-key", "unknown key");
		assertThat(ex.reason()).contains("secret-key-env");
	}

	@Test
	void rejectsAYamlSyntaxErrorWithLineAndColumn() throws IOException {
		Path file = demoWith("zone: Asia/Shanghai", "zone: Asia/Shanghai\n  oops: x");
		int line = Files.readAllLines(file).indexOf("  oops: x") + 1;
		InvalidJobDefinitionException ex = rejection(file);
		assertThat(ex.field()).isNull();
		assertThat(ex.reason()).startsWith("YAML syntax error at line " + line + ", column ");
		assertThat(ex.getMessage()).doesNotContain("\n");
	}

	@Test
	void rejectsAnEmptyFile() throws IOException {
		assertThat(rejection(write("empty.yml", "")).reason()).contains("empty");
	}

	@Test
	void rejectsAFileOfOnlyComments() throws IOException {
		assertThat(rejection(write("comments.yml", "# name: demo\n")).reason()).contains("empty");
	}

	@Test
	void rejectsAFileThatIsAListInsteadOfAMapping() throws IOException {
		assertThat(rejection(write("list.yml", "- name: demo\n")).reason()).contains("mapping");
	}

	@Test
	void rejectsAValueOfTheWrongType() throws IOException {
		assertRejected(demoWith("name: demo", "name: [demo]"), "name", "got a list");
	}

	@Test
	void rejectsAKeyWrittenTwice() throws IOException {
		assertRejected(demoWith("name: demo", "name: demo\nname: other"), "name", "twice");
	}

	@Test
	void rejectsRegionAndBaseUrlTogether() throws IOException {
		assertRejected(
				demoWith("  simulator: true", "  simulator: true\n  region: china\n  base-url: http://127.0.0.1:1"),
				"api", "either region or base-url");
	}

	@Test
	void rejectsAJobWithoutRegionOrBaseUrlUnlessSimulated() throws IOException {
		assertRejected(demoWith("  simulator: true", "  simulator: false"), "api", "set region");
	}

	@Test
	void rejectsAnUnknownRegion() throws IOException {
		assertRejected(demoWith("  simulator: true", "  region: mars"), "api.region", "silicon-valley");
	}

	@Test
	void rejectsABaseUrlThatIsNotHttp() throws IOException {
		assertRejected(demoWith("  simulator: true", "  base-url: ftp://127.0.0.1"), "api.base-url", "http");
	}

	@Test
	void rejectsABadName() throws IOException {
		assertRejected(demoWith("name: demo", "name: Demo Job"), "name", "lower-case");
	}

	@Test
	void rejectsANameLongerThan64Characters() throws IOException {
		assertRejected(demoWith("name: demo", "name: " + "d".repeat(65)), "name", "64");
	}

	@Test
	void rejectsAMissingRequiredField() throws IOException {
		assertRejected(demoWith("zone: Asia/Shanghai\n", ""), "zone", "is required");
	}

	@Test
	void rejectsASecretKeyEnvThatIsNotAVariableName() throws IOException {
		assertRejected(demoWith("secret-key-env: TIM_SECRET_KEY", "secret-key-env: tim-secret"),
				"api.secret-key-env", "environment variable name");
	}

	@Test
	void aKeyPastedAsSecretKeyEnvIsNeverEchoed() throws IOException {
		String key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
		InvalidJobDefinitionException ex = assertRejected(
				demoWith("secret-key-env: TIM_SECRET_KEY", "secret-key-env: " + key), "api.secret-key-env",
				"looks like a key, not a variable name");

		assertThat(ex.getMessage()).doesNotContain(key).doesNotContain(key.substring(0, 8));
	}

	@Test
	void rejectsBaselineWeeksOutOfRange() throws IOException {
		assertRejected(demoWith("baseline-weeks: 4", "baseline-weeks: 13"), "baseline-weeks", "1 to 12");
	}

	@Test
	void readsTheBaselineDetailDailyOrWeekly() throws IOException {
		assertThat(this.loader.load(demoWith("baseline-weeks: 4", "baseline-weeks: 4\nbaseline-detail: daily"))
			.baselineDetail()).isEqualTo(BaselineDetail.DAILY);
		assertThat(this.loader.load(demoWith("baseline-weeks: 4", "baseline-weeks: 4\nbaseline-detail: weekly"))
			.baselineDetail()).isEqualTo(BaselineDetail.WEEKLY);
	}

	@Test
	void rejectsABaselineDetailOtherThanDailyOrWeekly() throws IOException {
		InvalidJobDefinitionException ex = assertRejected(
				demoWith("baseline-weeks: 4", "baseline-weeks: 4\nbaseline-detail: hourly"), "baseline-detail",
				"must be daily or weekly");
		assertThat(ex.getMessage()).contains("hourly");
		assertRejected(demoWith("baseline-weeks: 4", "baseline-weeks: 4\nbaseline-detail: Daily"), "baseline-detail",
				"must be daily or weekly");
	}

	@Test
	void rejectsKeepWeeksOfZero() throws IOException {
		assertRejected(demoWith("keep-weeks: 52", "keep-weeks: 0"), "archive.keep-weeks", "positive");
	}

	@Test
	void reportsTheFirstProblemInFileOrder() throws IOException {
		Path file = write("two-problems.yml", Files.readString(DEMO).replace("zone: Asia/Shanghai", "zone: Nowhere")
			.replace("window: P1D", "window: P9D"));
		assertThat(rejection(file).field()).isEqualTo("zone");
	}

	@Test
	void rejectsAMissingFile() {
		Path missing = this.dir.resolve("missing.yml");
		assertThat(rejection(missing)).hasMessage(missing + ": no such file");
	}

	@Test
	void doesNotConstructTypesNamedByYamlTags() throws IOException {
		Path file = demoWith("name: demo", "name: !!javax.script.ScriptEngineManager [x]");
		InvalidJobDefinitionException ex = rejection(file);
		assertThat(ex.field()).isEqualTo("name");
	}

	private InvalidJobDefinitionException assertRejected(Path file, String field, String reasonFragment) {
		InvalidJobDefinitionException ex = rejection(file);
		assertThat(ex.file()).isEqualTo(file);
		assertThat(ex.field()).isEqualTo(field);
		assertThat(ex.reason()).contains(reasonFragment);
		assertThat(ex.getMessage()).startsWith(file + ": " + field + ": ").doesNotContain("\n");
		return ex;
	}

	private InvalidJobDefinitionException rejection(Path file) {
		return assertThatExceptionOfType(InvalidJobDefinitionException.class)
			.isThrownBy(() -> this.loader.load(file))
			.actual();
	}

	private Path demoWith(String original, String replacement) throws IOException {
		String demo = Files.readString(DEMO);
		assertThat(demo).contains(original);
		return write("demo.yml", demo.replaceFirst(java.util.regex.Pattern.quote(original),
				java.util.regex.Matcher.quoteReplacement(replacement)));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.dir.resolve(name), content);
	}


}
