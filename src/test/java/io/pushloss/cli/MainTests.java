package io.pushloss.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class MainTests {

	private final CliHarness cli = new CliHarness();

	@Test
	void listsEveryCommandInTheTopLevelHelp() {
		assertThat(this.cli.execute("--help")).isZero();
		assertThat(this.cli.out()).contains("Usage: push-loss-report")
			.contains("run", "backfill", "serve", "restart", "runs", "copy-to-postgres", "simulate", "validate",
					"usersig", "users")
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
			copy-to-postgres | --replace --data-dir --help
			users    | add list passwd remove --help
			""")
	void explainsEachCommandAndItsOptions(String command, String options) {
		assertThat(this.cli.execute(command, "--help")).isZero();
		assertThat(this.cli.out()).startsWith("Usage: push-loss-report " + command)
			.contains(options.split(" "));
		assertThat(this.cli.operations.requests).isEmpty();
	}

	/** Every command and subcommand an operator can ask for help on, e.g. "users add". */
	static List<String> everyCommand() {
		List<String> commands = new ArrayList<>(List.of(""));
		collect(Main.commandLine(new CliHarness().environment()), "", commands);
		return commands;
	}

	private static void collect(CommandLine command, String prefix, List<String> commands) {
		command.getSubcommands().forEach((name, sub) -> {
			if (!sub.getCommandSpec().usageMessage().hidden()) {
				commands.add(prefix + name);
				collect(sub, prefix + name + " ", commands);
			}
		});
	}

	@ParameterizedTest
	@MethodSource("everyCommand")
	void wrapsEveryHelpBetweenWordsOnlyWithinEightyColumns(String command) {
		String narrow = help(command, 80);
		String wide = help(command, 400);

		// a line break picocli put after a '.' or '/' of a name (api.secret-key-env, ./jobs) reads as two words
		assertThat(narrow.replaceAll("\\s+", " ")).isEqualTo(wide.replaceAll("\\s+", " "));
		assertThat(narrow.lines()).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(80));
	}

	@ParameterizedTest
	@MethodSource("everyCommand")
	void rendersEveryHelpWithoutAWarning(String command) {
		PrintStream stderr = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			help(command, 80);
		}
		finally {
			System.setErr(stderr);
		}
		// picocli warns on standard error when a text is not a valid format string ('%s' instead of '%%s')
		assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void helpOfUsersShowsItsExamplesIndentedAndItsPrintfAsTyped() {
		String examples = help("users", 80).split("Examples:")[1];

		assertThat(examples.lines().filter((line) -> !line.isBlank())).allSatisfy((line) -> assertThat(line)
			.startsWith("  "));
		assertThat(examples).contains("  printf '%s\\n' \"$PW\" \\\n    | push-loss-report users add bob");
	}

	@ParameterizedTest
	@CsvSource({ "add", "passwd", "remove" })
	void helpOfUsersSubcommandsAsksForOneName(String command) {
		assertThat(help("users " + command, 80)).contains(" NAME\n").doesNotContain("NAME...");
	}

	private static String help(String command, int width) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = Main.commandLine(new CliHarness().environment());
		for (String name : command.isEmpty() ? new String[0] : command.split(" ")) {
			commandLine = commandLine.getSubcommands().get(name);
		}
		commandLine.setUsageHelpWidth(width);
		commandLine.usage(new PrintWriter(out));
		return out.toString();
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
