package io.pushloss.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;

import io.pushloss.ChildJvm;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real commands (no recording stand-in) fed bad input: every job file mistake and every impossible week ends
 * with exit code 2 and one line on standard error that names the problem, before anything is written (the data
 * directory is not even created); a run the vendor makes fail ends with exit code 1 and the reason.
 */
class BadInputTests {

	private static final Instant NOW = Instant.parse(ChildJvm.NOW);

	private static final String DEMO = read(Path.of("jobs/demo.yml"));

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			unknown zone             | zone: Asia/Shanghai              | zone: Mars/Olympus                   | zone:
			bad cron                 | schedule: "0 0 9 ? * MON"        | schedule: "every monday at nine"     | schedule:
			negative sdkappid        | sdkappid: 1400000000             | sdkappid: -1400000000                | api.sdkappid:
			sdkappid not a number    | sdkappid: 1400000000             | sdkappid: "14OOOOOOOO"               | api.sdkappid:
			window of eight days     | window: P1D                      | window: P8D                          | window:
			window of hours          | window: P1D                      | window: PT12H                        | window:
			malformed recipient      | - pm@example.com                 | - pm@@example.com                    | recipients.to[0]:
			recipient with a newline | - pm@example.com                 | - "pm@example.com\\nBcc: x@evil.example" | recipients.to[0]:
			malformed owner          | - oncall@example.com             | - on call                            | owners[0]:
			duplicated TaskID        | - app-update                     | - spring-sale                        | sources.all-member-tasks
			blank TaskID             | - app-update                     | - "   "                              | sources.all-member-tasks[1]:
			TaskID with NUL          | - app-update                     | - "app\\0update"                     | sources.all-member-tasks[1]:
			TaskID with a tab        | - app-update                     | - "app\\tupdate"                     | sources.all-member-tasks[1]:
			unknown key              | window: P1D                      | window: P1D{nl}colour: blue            | colour
			unknown nested key       | simulator: true                  | simulator: true{nl}  timeout: 5        | api.timeout
			YAML syntax error        | zone: Asia/Shanghai              | zone: "Asia/Shanghai                 | YAML syntax error at line
			key written twice        | window: P1D                      | window: P1D{nl}window: P2D             | window
			name with ../            | name: demo                       | name: ../../etc/cron.d/demo          | name:
			name with /              | name: demo                       | name: reports/demo                   | name:
			name with backslash      | name: demo                       | name: '..\\\\demo'                   | name:
			name with NUL            | name: demo                       | name: "de\\0mo"                      | name:
			name with a line break   | name: demo                       | name: "de\\nmo"                      | name:
			name in capitals         | name: demo                       | name: DEMO                           | name:
			Java type tag            | name: demo                       | name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]] | name
			""")
	void aJobFileWithAFieldWrongEndsWithTwoAndOneLineNamingIt(String mistake, String original, String replacement,
			String named) throws IOException {
		assertThat(DEMO).contains(original);
		Path job = Files.writeString(this.dir.resolve("job.yml"), DEMO.replaceFirst(
				java.util.regex.Pattern.quote(original), Matcher.quoteReplacement(replacement.replace("{nl}", "\n"))));

		assertRejectedBeforeAnythingIsWritten(job, "--week", "2026-W46");

		assertThat(this.err.toString().strip()).startsWith(job + ": ").contains(named);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   \n", "# only a comment\n", "- a list\n- not a mapping\n", "just text\n" })
	void aJobFileWithoutAJobEndsWithTwo(String content) throws IOException {
		Path job = Files.writeString(this.dir.resolve("job.yml"), content);

		assertRejectedBeforeAnythingIsWritten(job, "--week", "2026-W46");

		assertThat(this.err.toString().strip()).startsWith(job + ": ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2026-W54 | 2026 has weeks W01 to W53
			2026-W00 | 2026-W00
			2026-W48 | has not ended yet
			2026-W47 | has not ended yet
			2026-46  | 2026-46
			""")
	void aWeekThatDoesNotExistOrHasNotEndedEndsWithTwo(String week, String named) throws IOException {
		Path job = Files.writeString(this.dir.resolve("job.yml"), DEMO);

		assertRejectedBeforeAnythingIsWritten(job, "--week", week);

		assertThat(this.err.toString()).contains(named);
	}

	@Test
	void aJavaTypeTagInstantiatesNothing() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			String url = "http://127.0.0.1:" + probe.getLocalPort() + "/";
			Path job = Files.writeString(this.dir.resolve("job.yml"), "!!javax.script.ScriptEngineManager "
					+ "[!!java.net.URLClassLoader [[!!java.net.URL [\"" + url + "\"]]]]\n");

			assertRejectedBeforeAnythingIsWritten(job, "--week", "2026-W46");

			// the class loader would have fetched META-INF/services from the probe
			probe.setSoTimeout(200);
			assertThat(accepted(probe)).as("nobody connected to " + url).isFalse();
		}
	}

	@Test
	void aRunTheVendorKeepsFailingEndsWithOneAndTheReason() throws IOException {
		String key = "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789";
		try (PushLossSimulator vendor = PushLossSimulator.start(SimulatorSettings.defaults()
			.withSecretKey(key)
			.withCallsPerSecond(100)
			.withFaults(FaultSettings.always(Fault.ERROR_90102))
			.withClock(Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), NOW))))) {
			Path job = Files.writeString(this.dir.resolve("job.yml"), DEMO.replace("simulator: true", "base-url: "
					+ vendor.baseUrl()).replace("secret-key-env: TIM_SECRET_KEY", "secret-key-env: BAD_INPUT_KEY"));
			Map<String, String> properties = Map.of("BAD_INPUT_KEY", key, "pushloss.api.calls-per-second", "50",
					"pushloss.api.initial-backoff", "1ms", "pushloss.api.max-backoff", "5ms",
					"pushloss.api.max-attempts", "3");
			properties.forEach(System::setProperty);
			int exitCode;
			try {
				exitCode = execute(Map.of("BAD_INPUT_KEY", key), "run", job.toString(), "--week", "2026-W46",
						"--no-email", "--data-dir", this.dir.resolve("data").toString());
			}
			finally {
				properties.keySet().forEach(System::clearProperty);
			}

			assertThat(exitCode).isEqualTo(1);
			assertThat(this.out.toString()).contains("2026-W46: FAILED")
				.contains("gave up after 3 attempts: 90102 internal error");
			assertThat(vendor.calls()).isEqualTo(3);
		}
	}

	private void assertRejectedBeforeAnythingIsWritten(Path job, String... options) {
		Path data = this.dir.resolve("data");
		String[] args = new String[options.length + 4];
		args[0] = "run";
		args[1] = job.toString();
		System.arraycopy(options, 0, args, 2, options.length);
		args[args.length - 2] = "--data-dir";
		args[args.length - 1] = data.toString();

		int exitCode = execute(Map.of(), args);

		assertThat(exitCode).as(this.err.toString()).isEqualTo(2);
		assertThat(this.err.toString().lines().filter((line) -> !line.startsWith("Try '")))
			.as("one line that names the problem").hasSize(1);
		assertThat(this.err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(this.out.toString()).isEmpty();
		assertThat(data).as("nothing written").doesNotExist();
	}

	private int execute(Map<String, String> environment, String... args) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		CliEnvironment cli = new CliEnvironment(clock, environment::get,
				new SpringReportOperations(clock, environment::get, false), new EmbeddedSimulatorLauncher(),
				this.dir, new CommandOutput(new PrintWriter(this.out), new PrintWriter(this.err)));
		return Main.execute(cli, args);
	}

	private static boolean accepted(ServerSocket probe) throws IOException {
		try (Socket ignored = probe.accept()) {
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
