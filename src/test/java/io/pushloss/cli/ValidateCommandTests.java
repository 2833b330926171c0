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
		int exitCode = this.cli.execute("validate", "jobs/demo.yml", "jobs/weekly-push-loss.yml");
		assertThat(exitCode).isZero();
		assertThat(this.cli.out().lines()).containsExactly("OK jobs/demo.yml (demo)",
				"OK jobs/weekly-push-loss.yml (weekly-push-loss)");
		assertThat(this.cli.err()).isEmpty();
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
