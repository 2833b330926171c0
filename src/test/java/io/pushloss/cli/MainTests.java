package io.pushloss.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MainTests {

	private final CliHarness cli = new CliHarness();

	@Test
	void listsEveryCommandInTheTopLevelHelp() {
		assertThat(this.cli.execute("--help")).isZero();
		assertThat(this.cli.out()).contains("Usage: push-loss-report")
			.contains("run", "backfill", "serve", "restart", "runs", "simulate", "validate", "usersig")
			.contains("Exit codes:");
	}

	@Test
	void printsTheVersion() {
		assertThat(this.cli.execute("--version")).isZero();
		assertThat(this.cli.out()).startsWith("push-loss-report ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			run      | JOB_FILE --week --no-email --resend --data-dir --help
			backfill | JOB_FILE --from --to --email --force --data-dir --help
			serve    | JOB_FILE --data-dir --help
			restart  | JOB_FILE --week --data-dir --help
			runs     | JOB_NAME --json --limit --data-dir --help
			simulate | --port --seed --help
			validate | JOB_FILE --help
			usersig  | JOB_FILE --expire --help
			""")
	void explainsEachCommandAndItsOptions(String command, String options) {
		assertThat(this.cli.execute(command, "--help")).isZero();
		assertThat(this.cli.out()).startsWith("Usage: push-loss-report " + command)
			.contains(options.split(" "));
		assertThat(this.cli.operations.requests).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "run", "backfill", "serve", "restart", "runs", "simulate", "validate", "usersig" })
	void wrapsHelpTextsBetweenWordsOnly(String command) {
		assertThat(this.cli.execute(command, "--help")).isZero();
		String text = this.cli.out().replaceAll("\\s+", " ");
		// picocli's line breaker may break after a '.' or a '/': a path must never be written where it could be cut
		assertThat(text).doesNotContainPattern("\\. /").doesNotContainPattern("[a-z]/ [a-z*]");
	}

	@Test
	void helpOfServeNamesTheFolderItReadsJobsFrom() {
		assertThat(this.cli.execute("serve", "--help")).isZero();
		assertThat(this.cli.out().replaceAll("\\s+", " "))
			.contains("every *.yml file in the jobs folder of the working directory");
	}

	@Test
	void helpOfRunsDoesNotPromiseToCreateTheDataDirectory() {
		assertThat(this.cli.execute("runs", "--help")).isZero();
		String text = this.cli.out().replaceAll("\\s+", " ");
		assertThat(text).contains("creates nothing").doesNotContain("created on first use")
			.contains("created by the first command that writes to it");
	}

	@Test
	void rejectsAnUnknownOptionWithOneLineAndAHint() {
		int exitCode = this.cli.execute("run", "jobs/demo.yml", "--weeks", "2026-W46");
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.errLines()).hasSize(2);
		assertThat(this.cli.errLines().get(0)).startsWith("push-loss-report run: Unknown option");
		assertThat(this.cli.errLines().get(1)).isEqualTo("Try 'push-loss-report run --help' for usage.");
	}

	@Test
	void rejectsAnUnknownCommand() {
		assertThat(this.cli.execute("report")).isEqualTo(2);
		assertThat(this.cli.errLines()).hasSize(2);
	}

	@Test
	void asksForACommandWhenGivenNone() {
		assertThat(this.cli.execute()).isEqualTo(2);
		assertThat(this.cli.errLines().get(0)).contains("Missing command");
	}

}
