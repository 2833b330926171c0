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
			run      | JOB_FILE --week --no-email --data-dir --help
			backfill | JOB_FILE --from --to --email --force --data-dir --help
			serve    | JOB_FILE --data-dir --help
			restart  | JOB_FILE --week --data-dir --help
			runs     | JOB_NAME --json --data-dir --help
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
