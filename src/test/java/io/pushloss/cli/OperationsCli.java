package io.pushloss.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.job.RunSummary;
import io.pushloss.runs.RunHistory;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

/**
 * Runs {@link Main} with the real {@link SpringReportOperations} (each command starts the application on its data
 * directory) against a {@link PushLossSimulator} the test starts and controls: the job file's {@code base-url}
 * points at it, and its secret key is both in the fake environment (the CLI's check) and a Spring property of the
 * same name (what the client reads). The clock reads Wednesday of 2026-W47 in Shanghai; the client calls at 50 per
 * second and the simulator does not limit.
 */
final class OperationsCli implements AutoCloseable {

	static final String SECRET_KEY_ENV = "OPSCLI_TEST_SECRET_KEY";

	private static final String SECRET_KEY = "opscli-test-secret-key-not-for-real-use";

	/** Wednesday of 2026-W47, ticking: forced refreshes are stamped, and compared with store times, by it. */
	final Clock clock = Clock.offset(Clock.systemUTC(),
			Duration.between(Instant.now(), CliHarness.WEDNESDAY_OF_W47));

	final PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
		.withSecretKey(SECRET_KEY)
		.withCallsPerSecond(Double.POSITIVE_INFINITY)
		.withClock(this.clock));

	/** The job calls the simulator as its vendor: without SMTP its email goes to the outbox only when chosen. */
	private final Map<String, String> environment = new HashMap<>(Map.of(SECRET_KEY_ENV, SECRET_KEY,
			"PUSHLOSS_MAIL_OUTBOX_ONLY", "true"));

	private final Map<String, Object> properties;

	private StringWriter out = new StringWriter();

	OperationsCli() {
		this(Map.of());
	}

	/** @param extra more Spring properties of every command, e.g. a PostgreSQL database */
	OperationsCli(Map<String, Object> extra) {
		Map<String, Object> properties = new HashMap<>(Map.of("pushloss.api.calls-per-second", 50, SECRET_KEY_ENV,
				SECRET_KEY));
		properties.putAll(extra);
		this.properties = Map.copyOf(properties);
	}

	private StringWriter err = new StringWriter();

	/** Writes a job file named {@code <name>.yml}: P7D windows, one baseline week, normal push, no TaskIDs. */
	Path writeJob(Path dir, String name) throws IOException {
		return writeJob(dir, name, "  normal: true");
	}

	/**
	 * Writes a job file named {@code <name>.yml} that calls the simulator: P7D windows, one baseline week.
	 * @param sources the lines of its {@code sources:} (indented by two spaces)
	 * @param more further top-level lines, e.g. {@code locale: zh-CN}
	 */
	Path writeJob(Path dir, String name, String sources, String... more) throws IOException {
		return Files.writeString(dir.resolve(name + ".yml"), """
				name: %s
				zone: Asia/Shanghai
				schedule: "0 0 9 ? * MON"
				api:
				  base-url: %s
				  sdkappid: 1400000000
				  identifier: administrator
				  secret-key-env: %s
				sources:
				%s
				window: P7D
				baseline-weeks: 1
				recipients:
				  to: [pm@example.com]
				owners: [oncall@example.com]
				""".formatted(name, this.simulator.baseUrl(), SECRET_KEY_ENV, sources)
				+ String.join("", Stream.of(more).map((line) -> line + "\n").toList()));
	}

	/** Sets ({@code value}) or removes ({@code null}) a variable of the commands' environment. */
	void environment(String name, String value) {
		if (value == null) {
			this.environment.remove(name);
		}
		else {
			this.environment.put(name, value);
		}
	}

	int execute(String... args) {
		this.out = new StringWriter();
		this.err = new StringWriter();
		CliEnvironment cli = new CliEnvironment(this.clock, this.environment::get,
				new SpringReportOperations(this.clock, this.environment::get, false, this.properties),
				new EmbeddedSimulatorLauncher(), Path.of("jobs"),
				new CommandOutput(new PrintWriter(this.out), new PrintWriter(this.err)));
		return Main.execute(cli, args);
	}

	/** The run history of a data directory, newest first, read through the application as {@code runs} does. */
	List<RunSummary> history(Path dataDir) {
		Map<String, Object> properties = new HashMap<>(this.properties);
		properties.put("logging.threshold.console", "WARN");
		try (ConfigurableApplicationContext context = ReportContexts.start(dataDir, this.clock, (name) -> null,
				properties, false)) {
			return context.getBean(RunHistory.class).recent(null, 100);
		}
	}

	String out() {
		return this.out.toString();
	}

	String err() {
		return this.err.toString();
	}

	List<String> outLines() {
		return this.out.toString().lines().toList();
	}

	@Override
	public void close() {
		this.simulator.close();
	}

}
