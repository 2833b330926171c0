package io.pushloss.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTests {

	private final CliHarness cli = new CliHarness();

	@TempDir
	Path dir;

	@Test
	void acceptsTheShippedJobFiles() {
		this.cli.environment.put("TIM_SECRET_KEY", "validate-test-key");
		this.cli.environment.put("SPRING_MAIL_HOST", "smtp.example.com");
		int exitCode = this.cli.execute("validate", "jobs/demo.yml", "jobs/weekly-push-loss.yml");
		assertThat(exitCode).isZero();
		assertThat(this.cli.out().lines()).containsExactly("OK jobs/demo.yml (demo)",
				"OK jobs/weekly-push-loss.yml (weekly-push-loss)");
		assertThat(this.cli.err()).isEmpty();
	}

	@Test
	void saysWhatRunWouldRefuseInThisEnvironment() {
		int exitCode = this.cli.execute("validate", "jobs/weekly-push-loss.yml", "jobs/demo.yml");

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.out().lines()).as("a simulator job needs neither key nor SMTP")
			.containsExactly("OK jobs/demo.yml (demo)");
		assertThat(this.cli.errLines()).containsExactly(
				"jobs/weekly-push-loss.yml: api.secret-key-env: the environment variable TIM_SECRET_KEY is not set; "
						+ "it must hold the secret key of sdkappid 1400000000",
				"jobs/weekly-push-loss.yml: job 'weekly-push-loss' emails its report, but no SMTP host is configured "
						+ "(spring.mail.host, SPRING_MAIL_HOST), so its recipients would receive nothing: configure "
						+ "SMTP, or set PUSHLOSS_MAIL_OUTBOX_ONLY=true (pushloss.mail.outbox-only) to write its email "
						+ "to the outbox folder on purpose");
	}

	@Test
	void acceptsTheOutboxChosenOnPurpose() {
		this.cli.environment.put("TIM_SECRET_KEY", "validate-test-key");
		this.cli.environment.put("PUSHLOSS_MAIL_OUTBOX_ONLY", "true");
		assertThat(this.cli.execute("validate", "jobs/weekly-push-loss.yml")).isZero();
		assertThat(this.cli.err()).isEmpty();
	}

	@Test
	void seesTheSmtpHostOfAConfigurationFileAsRunWould() throws IOException {
		Path config = Files.writeString(this.dir.resolve("application.yml"), """
				spring:
				  mail:
				    host: smtp.example.com
				""");
		this.cli.environment.put("TIM_SECRET_KEY", "validate-test-key");
		this.cli.environment.put("SPRING_CONFIG_ADDITIONAL_LOCATION", config.toString());

		assertThat(this.cli.execute("validate", "jobs/weekly-push-loss.yml")).as(this.cli.err()).isZero();
		assertThat(this.cli.err()).isEmpty();
	}

	@Test
	void saysWhenTheArchiveFolderCannotBeCreated() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "not a folder");
		Path job = Files.writeString(this.dir.resolve("archived.yml"), Files.readString(Path.of("jobs/demo.yml"))
			.replace("  # No `dir`: reports go to <data-dir>/archive.", "  dir: " + file.resolve("archive")));

		Path data = Files.createDirectories(this.dir.resolve("data"));
		Files.writeString(data.resolve("archive"), "not a folder either");

		int exitCode = this.cli.execute("validate", job.toString(), "jobs/demo.yml", "--data-dir", data.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.out()).isEmpty();
		assertThat(this.cli.errLines()).containsExactly(
				job + ": archive.dir: " + file.resolve("archive") + " cannot be created: " + file + " is not a folder",
				"jobs/demo.yml: archive (the default, <data-dir>/archive): " + data.resolve("archive").toAbsolutePath()
						+ " is not a folder");
	}

	@Test
	void checksTheSharedArchiveFolderOfJobsWithoutTheirOwn() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "not a folder");
		this.cli.environment.put("PUSHLOSS_ARCHIVE_DIRECTORY", file.resolve("archive").toString());

		int exitCode = this.cli.execute("validate", "jobs/demo.yml", "--data-dir", this.dir.resolve("data").toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.errLines()).containsExactly("jobs/demo.yml: archive (the default of jobs without "
				+ "archive.dir, pushloss.archive.directory, PUSHLOSS_ARCHIVE_DIRECTORY): " + file.resolve("archive")
				+ " cannot be created: " + file + " is not a folder");
	}

	@Test
	void reportsABadFileInOneLineAndExitsWithTwo() throws IOException {
		Path bad = Files.writeString(this.dir.resolve("bad.yml"),
				Files.readString(Path.of("jobs/demo.yml")).replace("sdkappid: 1400000000", "sdkappid: -5"));
		int exitCode = this.cli.execute("validate", bad.toString());
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.errLines())
			.containsExactly(bad + ": api.sdkappid: must be a positive integer, got \"-5\"");
		assertThat(this.cli.out()).isEmpty();
	}

	@Test
	void checksEveryFileAndFailsIfAnyIsBad() throws IOException {
		Path empty = Files.writeString(this.dir.resolve("empty.yml"), "");
		Path missing = this.dir.resolve("missing.yml");
		int exitCode = this.cli.execute("validate", empty.toString(), "jobs/demo.yml", missing.toString());
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.out().lines()).containsExactly("OK jobs/demo.yml (demo)");
		assertThat(this.cli.errLines()).hasSize(2);
		assertThat(this.cli.errLines().get(0)).startsWith(empty + ": ").contains("empty");
		assertThat(this.cli.errLines().get(1)).isEqualTo(missing + ": no such file");
		assertThat(this.cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void reportsAYamlSyntaxErrorWithoutAStackTrace() throws IOException {
		Path broken = Files.writeString(this.dir.resolve("broken.yml"), "name: demo\n  zone: [\n");
		int exitCode = this.cli.execute("validate", broken.toString());
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.errLines()).singleElement().asString().startsWith(broken + ": YAML syntax error at line");
	}

	@Test
	void needsAtLeastOneFile() {
		int exitCode = this.cli.execute("validate");
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.errLines()).containsExactly(
				"push-loss-report validate: Missing required parameter: 'JOB_FILE'",
				"Try 'push-loss-report validate --help' for usage.");
	}

}
