package io.pushloss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.cli.CliEnvironment;
import io.pushloss.cli.Main;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;
import io.pushloss.store.CallSlotCost;

/**
 * Section 7, the vendor's limit shared by several processes through one PostgreSQL database: N processes running
 * jobs of one application against a simulator that measures arrivals at a strict limit (utilisation of the limit and
 * violations at the server), processes of different applications (their calls never wait for each other), and what
 * one reservation costs next to the second it guards.
 */
final class SharedLimitBenchmark {

	static final String SECTION = "7 shared limit";

	private static final String SECRET_KEY = "shared-limit-bench-secret-key";

	private static final String NOW = "2026-11-18T02:00:00Z";

	private final BenchOptions options;

	private final Progress progress;

	SharedLimitBenchmark(BenchOptions options, Progress progress) {
		this.options = options;
		this.progress = progress;
	}

	List<Figure> run() throws Exception {
		List<Figure> figures = new ArrayList<>();
		double rate = Math.min(this.options.callsPerSecond(), 5);
		for (int processes : new int[] { 2, 3 }) {
			Use use = oneApplication(processes, rate);
			figures.add(Figure.atLeast("shared.utilisation." + processes, SECTION,
					"utilisation of one application's limit, " + processes + " processes", use.utilisation(), "",
					0.95, use.describe()));
			figures.add(Figure.exactly("shared.violations." + processes, SECTION,
					"60007 at the server's arrival time, " + processes + " processes", use.violations(), "", 0,
					"PushLossSimulator.frequencyLimitAnswers()"));
		}
		Use six = sixApplications(rate);
		figures.add(Figure.atLeast("shared.sixApplications", SECTION,
				"6 applications in 6 processes: calls/s / (6 x N)", six.utilisation(), "", 0.95, six.describe()));
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			double micros = CallSlotCost.microsPerReservation(database.url(), 2000);
			figures.add(Figure.info("shared.reservationCost", SECTION, "one reservation in PostgreSQL", micros / 1000,
					"ms", "%.2f%% of the 1 s it guards at the vendor's rate".formatted(micros / 10_000)));
		}
		return figures;
	}

	/** {@code processes} processes each run one job of the same application. */
	private Use oneApplication(int processes, double rate) throws Exception {
		this.progress.step("shared: " + processes + " processes on one application at " + rate + " calls/s");
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(NOW)));
		try (PostgresTestDatabase database = PostgresTestDatabase.create();
				PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
					.withSecretKey(SECRET_KEY)
					.withCallsPerSecond(rate)
					.withClock(clock))) {
			List<Process> children = new ArrayList<>();
			for (int i = 0; i < processes; i++) {
				children.add(start(database, simulator, "one-" + i, rate));
			}
			return watch(List.of(simulator), children, rate);
		}
	}

	/** Six applications, one process each. */
	private Use sixApplications(double rate) throws Exception {
		this.progress.step("shared: 6 applications in 6 processes at " + rate + " calls/s each");
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(NOW)));
		List<PushLossSimulator> simulators = new ArrayList<>();
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			for (int app = 0; app < 6; app++) {
				simulators.add(PushLossSimulator.start(SimulatorSettings.defaults()
					.withSdkAppId(1400000000L + app)
					.withSecretKey(SECRET_KEY)
					.withCallsPerSecond(rate)
					.withClock(clock)));
			}
			List<Process> children = new ArrayList<>();
			for (int app = 0; app < 6; app++) {
				children.add(start(database, simulators.get(app), "six-" + app, rate));
			}
			Use use = watch(simulators, children, rate * 6);
			return use;
		}
		finally {
			simulators.forEach(PushLossSimulator::close);
		}
	}

	private Process start(PostgresTestDatabase database, PushLossSimulator simulator, String name, double rate)
			throws IOException {
		Path dir = Files.createDirectories(this.options.workDir().resolve("shared").resolve(name));
		Path job = Files.writeString(dir.resolve(name + ".yml"), """
				name: %s
				zone: Asia/Shanghai
				schedule: "0 0 9 ? * MON"
				api:
				  base-url: %s
				  sdkappid: %d
				  identifier: administrator
				  secret-key-env: BENCH_SECRET_KEY
				sources:
				  all-member-tasks: [%s]
				window: P1D
				baseline-weeks: 4
				recipients:
				  to: [pm@example.com]
				""".formatted(name, simulator.baseUrl(), simulator.settings().sdkAppId(), tasks(name)));
		ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(
				List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-D" + CliEnvironment.CLOCK_PROPERTY + "=" + NOW),
				Main.class.getName(), "run", job.toString(), "--week", "2026-W46", "--no-email", "--data-dir",
				dir.resolve("data").toString()))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("output.txt").toFile());
		Map<String, String> environment = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", database.url(),
				"SPRING_DATASOURCE_USERNAME", "postgres", "PUSHLOSS_API_CALLS_PER_SECOND", Double.toString(rate),
				"BENCH_SECRET_KEY", SECRET_KEY));
		builder.environment().putAll(environment);
		return builder.start();
	}

	/** Counts the simulators' calls while the children run: from the moment all have called to the first end. */
	/**
	 * Watches the servers' call counters until every process has exited. Each application's use is measured from its
	 * first call to its last, at the server: the processes keep working (analysis, documents) after their last call,
	 * so their exit is no measure of the end of the calling.
	 */
	private static Use watch(List<PushLossSimulator> simulators, List<Process> children, double limit)
			throws InterruptedException {
		int n = simulators.size();
		long[] firstAt = new long[n];
		long[] firstCalls = new long[n];
		long[] lastAt = new long[n];
		long[] lastCalls = new long[n];
		Arrays.fill(firstAt, -1);
		while (children.stream().anyMatch(Process::isAlive)) {
			long now = System.nanoTime();
			for (int i = 0; i < n; i++) {
				long calls = simulators.get(i).calls();
				if (calls > 0 && firstAt[i] < 0) {
					firstAt[i] = now;
					firstCalls[i] = calls;
				}
				if (calls > lastCalls[i]) {
					lastAt[i] = now;
					lastCalls[i] = calls;
				}
			}
			Thread.sleep(2);
		}
		for (Process child : children) {
			child.waitFor(10, TimeUnit.SECONDS);
		}
		long violations = simulators.stream().mapToLong(PushLossSimulator::frequencyLimitAnswers).sum();
		// each application's rate between its first and last call, summed: the applications ran at the same time
		double rate = 0;
		long calls = 0;
		for (int i = 0; i < n; i++) {
			double seconds = (lastAt[i] - firstAt[i]) / 1e9;
			if (firstAt[i] >= 0 && seconds > 0) {
				rate += (lastCalls[i] - firstCalls[i]) / seconds;
				calls += lastCalls[i];
			}
		}
		return new Use(calls, rate, limit, violations);
	}

	/** Ten tasks (two task groups), so that each process calls for long enough to share the limit. */
	private static String tasks(String name) {
		return IntStream.rangeClosed(1, 10).mapToObj((i) -> "t" + i + "-" + name).collect(Collectors.joining(", "));
	}

	/** Calls counted at the servers, and their rate from each application's first call to its last, summed. */
	private record Use(long calls, double callsPerSecond, double limit, long violations) {

		double utilisation() {
			return this.callsPerSecond / this.limit;
		}

		String describe() {
			return "%d calls at %.2f calls/s (each application from its first call to its last), limit %.0f calls/s"
				.formatted(this.calls, this.callsPerSecond, this.limit);
		}

	}

}
