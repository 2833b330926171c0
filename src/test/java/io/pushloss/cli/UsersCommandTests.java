package io.pushloss.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.accounts.Role;
import io.pushloss.cli.ReportOperations.UsersAction;
import io.pushloss.cli.ReportOperations.UsersRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users add|list|passwd|remove}: the input refused before anything is written, and the accounts kept in the
 * data directory's database (created when missing) or in PostgreSQL; the password never appears in the output or
 * the log.
 */
class UsersCommandTests {

	private static final String PASSWORD = "tr0ub4dor&3-horse-staple";

	@TempDir
	Path dir;

	private final CliHarness harness = new CliHarness();

	@Test
	void refusesABadNameOrRoleBeforeReadingAnything() {
		assertThat(this.harness.execute("users", "add", "Alice Smith", "--role", "viewer", "--password-stdin"))
			.isEqualTo(2);
		assertThat(this.harness.err()).contains("'Alice Smith' is not an account name");

		assertThat(this.harness.execute("users", "add", "alice", "--role", "admin", "--password-stdin")).isEqualTo(2);
		assertThat(this.harness.err()).contains("--role: role 'admin' is not one of viewer, operator");
		assertThat(this.harness.operations.requests).isEmpty();
	}

	@Test
	void refusesAPasswordOnTheCommandLineWithoutShowingIt() {
		assertThat(this.harness.execute("users", "add", "alice", "--role", "viewer", "--password=" + PASSWORD))
			.isEqualTo(2);
		assertThat(this.harness.err()).contains("--password is refused").doesNotContain(PASSWORD);

		assertThat(this.harness.execute("users", "add", "alice", PASSWORD, "--role", "viewer", "--password-stdin"))
			.isEqualTo(2);
		assertThat(this.harness.err()).contains("takes one NAME, got 2 arguments (not shown").doesNotContain(PASSWORD);

		assertThat(this.harness.execute("users", "passwd", "alice")).isEqualTo(2);
		assertThat(this.harness.err()).contains("Missing --password-stdin");
		assertThat(this.harness.operations.requests).isEmpty();
	}

	@Test
	void readsThePasswordFromTheFirstLineOfStandardInput() {
		this.harness.stdin = (PASSWORD + "\r\nsecond line\n").getBytes(StandardCharsets.UTF_8);

		assertThat(this.harness.execute("users", "add", "alice", "--role", "OPERATOR", "--password-stdin",
				"--data-dir", this.dir.toString()))
			.isZero();

		UsersRequest request = (UsersRequest) this.harness.operations.requests.get(0);
		assertThat(request.action()).isEqualTo(UsersAction.ADD);
		assertThat(request.role()).isEqualTo(Role.OPERATOR);
		assertThat(request.password()).isEqualTo(PASSWORD);
		assertThat(request.toString()).doesNotContain(PASSWORD);
	}

	@Test
	void explainsEveryCommandInItsHelp() {
		assertThat(this.harness.execute("users", "--help")).isZero();
		assertThat(this.harness.out()).contains("add", "list", "passwd", "remove", "viewer", "operator",
				"standard input");
		assertThat(this.harness.execute("users", "add", "--help")).isZero();
		assertThat(this.harness.out()).contains("--role", "--password-stdin", "--data-dir");
	}

	@Test
	void keepsAccountsInTheDataDirectoryAndNeverShowsOrLogsThePassword() throws IOException {
		Path data = this.dir.resolve("data");
		Cli cli = new Cli(Map.of());

		assertThat(cli.execute("", "users", "list", "--data-dir", data.toString())).isZero();
		assertThat(cli.out).contains("No accounts");
		assertThat(data).doesNotExist();

		assertThat(cli.execute("short\n", "users", "add", "alice", "--role", "operator", "--password-stdin",
				"--data-dir", data.toString()))
			.isEqualTo(2);
		assertThat(cli.err).contains("the password is too short: 5 characters, at least 12 are required");
		assertThat(data).doesNotExist();

		assertThat(cli.execute(PASSWORD + "\n", "users", "add", "alice", "--role", "operator", "--password-stdin",
				"--data-dir", data.toString()))
			.isZero();
		assertThat(cli.out).isEqualTo("Added operator 'alice'.\n");
		assertThat(cli.execute(PASSWORD + "-b\n", "users", "add", "bob", "--role", "viewer", "--password-stdin",
				"--data-dir", data.toString()))
			.isZero();
		assertThat(cli.execute(PASSWORD + "\n", "users", "add", "bob", "--role", "operator", "--password-stdin",
				"--data-dir", data.toString()))
			.isEqualTo(2);
		assertThat(cli.err).contains("an account named 'bob' exists already");

		assertThat(cli.execute("", "users", "list", "--data-dir", data.toString())).isZero();
		assertThat(cli.out.lines().toList()).hasSize(3)
			.satisfies((lines) -> assertThat(lines.get(1)).startsWith("alice").contains("operator"))
			.satisfies((lines) -> assertThat(lines.get(2)).startsWith("bob").contains("viewer"));

		assertThat(cli.execute("a new passphrase!\n", "users", "passwd", "bob", "--password-stdin", "--data-dir",
				data.toString()))
			.isZero();
		assertThat(cli.execute("a new passphrase!\n", "users", "passwd", "carol", "--password-stdin", "--data-dir",
				data.toString()))
			.isEqualTo(2);
		assertThat(cli.err).contains("there is no account named 'carol'");
		assertThat(cli.execute("", "users", "remove", "bob", "--data-dir", data.toString())).isZero();
		assertThat(cli.execute("", "users", "list", "--data-dir", data.toString())).isZero();
		assertThat(cli.out).contains("alice").doesNotContain("bob");

		assertThat(cli.everything()).doesNotContain(PASSWORD).doesNotContain("a new passphrase");
		try (Stream<Path> logs = Files.walk(data.resolve("logs"))) {
			for (Path log : logs.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(log)).doesNotContain(PASSWORD)
					.doesNotContain("a new passphrase")
					.contains("USER_ADDED alice (operator)");
			}
		}
	}

	@Test
	void keepsAccountsInPostgresql() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Cli cli = new Cli(database.properties());
			assertThat(cli.execute(PASSWORD + "\n", "users", "add", "alice", "--role", "viewer", "--password-stdin",
					"--data-dir", this.dir.toString()))
				.isZero();
			assertThat(cli.execute("", "users", "list", "--data-dir", this.dir.toString())).isZero();
			assertThat(cli.out).contains("alice").contains("viewer");
			assertThat(cli.execute("", "users", "remove", "alice", "--data-dir", this.dir.toString())).isZero();
			assertThat(cli.execute("", "users", "list", "--data-dir", this.dir.toString())).isZero();
			assertThat(cli.out).contains("No accounts");
		}
	}

	/** The real operations, with standard input and captured output. */
	private static final class Cli {

		private final Map<String, Object> properties;

		private final StringBuilder all = new StringBuilder();

		String out;

		String err;

		Cli(Map<String, Object> properties) {
			this.properties = new HashMap<>(properties);
		}

		int execute(String stdin, String... args) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			Clock clock = Clock.fixed(CliHarness.WEDNESDAY_OF_W47, ZoneOffset.UTC);
			Map<String, String> environment = Map.of();
			CliEnvironment cli = new CliEnvironment(clock, environment::get,
					new SpringReportOperations(clock, environment::get, false, this.properties),
					new EmbeddedSimulatorLauncher(), Path.of("jobs"),
					new CommandOutput(new PrintWriter(out), new PrintWriter(err)),
					new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
			int code = Main.execute(cli, args);
			this.out = out.toString();
			this.err = err.toString();
			this.all.append(this.out).append(this.err);
			return code;
		}

		String everything() {
			return this.all.toString();
		}

	}

}
