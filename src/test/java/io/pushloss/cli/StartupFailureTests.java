package io.pushloss.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.web.server.PortInUseException;

import io.pushloss.ChildJvm;
import io.pushloss.api.ApiProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real commands when the application cannot start or the environment is wrong (a setting that is no number, a
 * PostgreSQL URL nobody answers, a data directory below a file, an archive folder that cannot be written, a port in
 * use): exit code 1 or 2 and one line on standard error that names the setting, URL, file or port, never the bare
 * innermost message ("For input string", "Connection refused", a path alone, "Address already in use").
 */
class StartupFailureTests {

	private static final Instant NOW = Instant.parse(ChildJvm.NOW);

	@TempDir
	Path dir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private final Map<String, String> environment = new HashMap<>();

	@Test
	void aSettingThatIsNoNumberIsNamedWithItsVariable() throws IOException {
		this.environment.put("PUSHLOSS_API_CALLS_PER_SECOND", "abc");

		int exitCode = execute("run", demo().toString(), "--week", "2026-W46", "--data-dir", data());

		assertThat(exitCode).isEqualTo(1);
		assertThat(errLines()).containsExactly("push-loss-report: failed: invalid setting "
				+ "pushloss.api.calls-per-second (PUSHLOSS_API_CALLS_PER_SECOND) = \"abc\": not a number");
	}

	@Test
	void aSettingOutOfRangeSaysWhy() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("pushloss.api.calls-per-second", "0")));

		BindException bind = catchBind(() -> binder.bind("pushloss.api", ApiProperties.class));

		assertThat(new FailureLine((name) -> null).describe(new IllegalStateException("context failed", bind)))
			.isEqualTo("invalid settings under pushloss.api: pushloss.api.calls-per-second must be positive");
	}

	@Test
	void aPostgresqlUrlNobodyAnswersIsNamed() throws IOException {
		int port = freePort();
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/pushloss";
		this.environment.put("SPRING_DATASOURCE_URL", url);

		int runs = execute("runs", "--data-dir", data());
		List<String> runsErr = errLines();
		int run = execute("run", demo().toString(), "--week", "2026-W46", "--no-email", "--data-dir", data());

		assertThat(runs).isEqualTo(1);
		assertThat(runsErr).singleElement()
			.asString()
			.startsWith("push-loss-report: failed: cannot open the database " + url + " (SPRING_DATASOURCE_URL): ")
			.contains("refused");
		assertThat(run).isEqualTo(1);
		assertThat(errLines()).singleElement()
			.asString()
			.startsWith("push-loss-report: failed: cannot open the database " + url + " (SPRING_DATASOURCE_URL): ");
	}

	@Test
	void aDataDirectoryBelowAFileIsRefusedBeforeAnythingStarts() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "not a folder");
		Path data = file.resolve("data");

		int exitCode = execute("run", demo().toString(), "--week", "2026-W46", "--no-email", "--data-dir",
				data.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(errLines()).first()
			.isEqualTo("push-loss-report run: --data-dir " + data + " cannot be created: " + file
					+ " is not a directory");
	}

	@Test
	void aFileSystemFailureSaysWhatWasBeingDoneAndWhatTheSystemSaid() {
		FailureLine line = new FailureLine((name) -> null);
		Path lockFile = this.dir.resolve("data/db/owner.lock");

		assertThat(line.describe(new IllegalStateException(new java.io.UncheckedIOException(
				"Cannot open the data directory's lock file " + lockFile + ": " + this.dir.resolve("data"),
				new java.nio.file.AccessDeniedException(this.dir.resolve("data").toString())))))
			.isEqualTo("Cannot open the data directory's lock file " + lockFile + ": " + this.dir.resolve("data")
					+ " (permission denied)");
		assertThat(line.describe(new java.io.UncheckedIOException(
				new java.nio.file.NoSuchFileException("/proc/nope"))))
			.isEqualTo("/proc/nope: no such file or folder");
	}

	@Test
	void aRunWhoseArchiveCannotBeWrittenIsRefusedBeforeFetching() throws IOException {
		Path file = Files.writeString(this.dir.resolve("a-file"), "not a folder");
		this.environment.put("PUSHLOSS_ARCHIVE_DIRECTORY", file.resolve("archive").toString());

		int exitCode = execute("run", demo().toString(), "--week", "2026-W46", "--no-email", "--data-dir", data());

		assertThat(exitCode).isEqualTo(2);
		assertThat(errLines()).containsExactly(demo() + ": archive (the default of jobs without archive.dir, "
				+ "pushloss.archive.directory, PUSHLOSS_ARCHIVE_DIRECTORY): " + file.resolve("archive")
				+ " cannot be created: " + file + " is not a folder");
		assertThat(this.dir.resolve("data")).as("nothing written").doesNotExist();
	}

	@Test
	void theConsolePortInUseIsNamedWithItsSetting() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String line = serveFails(Map.of("server.port", taken.getLocalPort(), "pushloss.serve.management-port",
					"-1"));

			assertThat(line).isEqualTo("push-loss-report: serve could not start: port " + taken.getLocalPort()
					+ " (the console, server.port, SERVER_PORT) is already in use: stop what listens on it (another "
					+ "serve?), or choose another port with SERVER_PORT");
		}
	}

	@Test
	void theManagementPortInUseIsNamedWithItsSetting() {
		FailureLine line = new FailureLine(Map.of("pushloss.serve.management-port", "9191")::get);

		assertThat(line.describe(new IllegalStateException(new PortInUseException(9191))))
			.startsWith("port 9191 (health and metrics, pushloss.serve.management-port, PUSHLOSS_SERVE_MANAGEMENT_PORT)"
					+ " is already in use");
		assertThat(line.describe(new PortInUseException(8080))).startsWith("port 8080 (the console, server.port");
	}

	private String serveFails(Map<String, Object> ports) throws IOException {
		Map<String, Object> properties = new HashMap<>(ports);
		properties.put("spring.quartz.scheduler-name", "startup-failure-tests");
		properties.put("logging.threshold.console", "OFF");
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		int exitCode = new ServeMode(clock, this.environment::get).serve(
				new ReportOperations.ServeRequest(List.of(JobFiles.load(demo())), this.dir.resolve("data")),
				new CommandOutput(new PrintWriter(this.out), new PrintWriter(this.err)), properties);
		assertThat(exitCode).isEqualTo(1);
		assertThat(errLines()).hasSize(1);
		return errLines().get(0);
	}

	private Path demo() throws IOException {
		Path job = this.dir.resolve("demo.yml");
		if (!Files.exists(job)) {
			Files.copy(Path.of("jobs/demo.yml"), job);
		}
		return job;
	}

	private String data() {
		return this.dir.resolve("data").toString();
	}

	private int execute(String... args) {
		this.out.getBuffer().setLength(0);
		this.err.getBuffer().setLength(0);
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		CliEnvironment cli = new CliEnvironment(clock, this.environment::get,
				new SpringReportOperations(clock, this.environment::get, false), new EmbeddedSimulatorLauncher(),
				this.dir, new CommandOutput(new PrintWriter(this.out), new PrintWriter(this.err)));
		return Main.execute(cli, args);
	}

	private List<String> errLines() {
		return this.err.toString().lines().toList();
	}

	private static BindException catchBind(Runnable binding) {
		try {
			binding.run();
		}
		catch (BindException ex) {
			return ex;
		}
		throw new AssertionError("the binding did not fail");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
