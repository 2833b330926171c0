package io.pushloss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.domain.LossSource;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;
import io.pushloss.store.CallSlotCost;

/**
 * Section 7, the vendor's limit shared by several processes through one PostgreSQL database: N processes running
 * jobs of one application against a simulator that measures arrivals at a strict limit (utilisation of the limit and
 * violations at the server), processes of different applications (their calls never wait for each other), and what
 * one reservation costs next to the second it guards.
 */
final class SharedLimitBenchmark extends Benchmark {

	static final String SECTION = "7 shared limit";

	private static final String SECRET_KEY = "shared-limit-bench-secret-key";

	SharedLimitBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
	}

	@Override
	List<Figure> run() throws Exception {
		List<Figure> figures = new ArrayList<>();
		double rate = this.options.sharedRate();
		for (int processes : new int[] { 2, 3 }) {
			Use use = oneApplication(processes, rate);
			Use.Limit busiest = use.busiest().get(0);
			Use.Window together = busiest.together();
			figures.add(Figure.atLeast("shared.utilisation." + processes, SECTION,
					"utilisation of one application's busiest limit while " + processes + " processes call it",
					together.utilisation(rate), "", 0.95,
					busiest.api() + ": " + together.describe(rate) + "; " + busiest.describeGaps(use.holdMillis())));
			figures.add(Figure.info("shared.utilisation.whole." + processes, SECTION,
					"the same from its first call to its last, " + processes + " processes", busiest.utilisation(),
					"", busiest.describe()));
			Use.Limit other = use.other(busiest);
			if (other != null) {
				figures.add(Figure.info("shared.utilisation.other." + processes, SECTION,
						"its other limit (" + other.api() + ", fewer calls wanted), first to last call, " + processes
								+ " processes",
						other.utilisation(), "", other.describe()));
			}
			figures.add(Figure.info("shared.closest." + processes, SECTION,
					"closest k + 1 arrivals on one limit, " + processes + " processes (the vendor's window: "
							+ Math.round(use.windowMillis()) + " ms)",
					use.closestSpanMillis(), "ms", "the least time spanned by " + (use.k() + 1)
							+ " consecutive arrivals at the server on one (application, API); below the window is a 60007"));
			figures.add(Figure.exactly("shared.violations." + processes, SECTION,
					"60007 at the server's arrival time, " + processes + " processes", use.violations(), "", 0,
					"PushLossSimulator.frequencyLimitAnswers()"));
		}
		Use six = sixApplications(rate);
		List<Use.Limit> busiest = six.busiest();
		double sum = busiest.stream().mapToDouble(Use.Limit::utilisation).sum();
		double least = busiest.stream().mapToDouble(Use.Limit::utilisation).min().orElse(0);
		double bound = busiest.stream().mapToDouble((limit) -> limit.boundShare(six.holdMillis())).average().orElse(0);
		figures.add(Figure.atLeast("shared.sixApplications", SECTION,
				"6 applications in 6 processes: calls/s / (6 x N), each application's busiest limit, first to last call",
				sum / 6, "", 0.95, "%d calls on those limits; the least of the six %.3f; closest k + 1 arrivals %.0f ms"
					.formatted(busiest.stream().mapToLong(Use.Limit::calls).sum(), least, six.closestSpanMillis())));
		figures.add(Figure.info("shared.sixApplications.bound", SECTION,
				"6 applications: share of their calls that waited for the limit", bound, "",
				"the gaps between two calls of one limit no longer than one slot (%.0f ms) plus 15 ms; the longer ones"
					.formatted(six.holdMillis()) + " are the process not being ready to call (answers, storing, a loaded CPU)"));
		figures.add(Figure.exactly("shared.sixApplications.violations", SECTION,
				"60007 at the server's arrival time, 6 applications", six.violations(), "", 0,
				"PushLossSimulator.frequencyLimitAnswers()"));
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
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(ChildJvm.NOW)));
		try (PostgresTestDatabase database = PostgresTestDatabase.create();
				PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
					.withSecretKey(SECRET_KEY)
					.withCallsPerSecond(rate)
					.withClock(clock))) {
			List<Process> children = new ArrayList<>();
			for (int i = 0; i < processes; i++) {
				children.add(start(database, simulator, "one-" + i, rate));
			}
			return watch(List.of(simulator), children, rate, marginMillis(), csv("arrivals-" + processes + ".csv"));
		}
	}

	/** Six applications, one process each. */
	private Use sixApplications(double rate) throws Exception {
		this.progress.step("shared: 6 applications in 6 processes at " + rate + " calls/s each");
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(ChildJvm.NOW)));
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
			return watch(simulators, children, rate, marginMillis(), csv("arrivals-six.csv"));
		}
		finally {
			simulators.forEach(PushLossSimulator::close);
		}
	}

	private Process start(PostgresTestDatabase database, PushLossSimulator simulator, String name, double rate)
			throws IOException {
		Path dir = Files.createDirectories(this.options.workDir().resolve("shared").resolve(name));
		Path job = io.pushloss.ChildJvm.writeJob(dir, name, "0 0 9 ? * MON", simulator, "BENCH_SECRET_KEY", """
				sources:
				  all-member-tasks: [%s]
				window: P1D
				baseline-weeks: 4
				recipients:
				  to: [pm@example.com]
				""".formatted(tasks(name)));
		ProcessBuilder builder = new ProcessBuilder(ChildJvm.program(List.of(), "run", job.toString(), "--week",
				"2026-W46", "--no-email", "--data-dir", dir.resolve("data").toString()))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("output.txt").toFile());
		Map<String, String> environment = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", database.url(),
				"SPRING_DATASOURCE_USERNAME", "postgres", "PUSHLOSS_API_CALLS_PER_SECOND", Double.toString(rate),
				"BENCH_SECRET_KEY", SECRET_KEY));
		if (this.options.arrivalMargin() != null) {
			environment.put("PUSHLOSS_API_ARRIVAL_MARGIN", this.options.arrivalMargin());
		}
		builder.environment().putAll(environment);
		return builder.start();
	}

	/**
	 * Waits for every process to exit, then reads the arrivals the simulators stamped: each limit (application and
	 * API) is measured from them, not from the processes' start or exit (they start up at different times, and keep
	 * working on their documents after their last call).
	 */
	private static Use watch(List<PushLossSimulator> simulators, List<Process> children, double rate,
			double marginMillis, Path csv) throws InterruptedException, IOException {
		for (Process child : children) {
			child.waitFor();
		}
		List<Use.Limit> limits = new ArrayList<>();
		for (PushLossSimulator simulator : simulators) {
			for (LossSource source : LossSource.values()) {
				limits.add(new Use.Limit(simulator.settings().sdkAppId(), source.apiName(),
						simulator.arrivals(source), rate));
			}
		}
		long violations = simulators.stream().mapToLong(PushLossSimulator::frequencyLimitAnswers).sum();
		// every arrival, for a closer look: sdkappid, api, client port, microseconds since the run's first arrival
		Instant first = limits.stream()
			.filter((limit) -> limit.calls() > 0)
			.map((limit) -> limit.arrivals().get(0).at())
			.min(Instant::compareTo)
			.orElse(Instant.EPOCH);
		StringBuilder lines = new StringBuilder("sdkappid,api,port,micros\n");
		for (Use.Limit limit : limits) {
			for (PushLossSimulator.Arrival arrival : limit.arrivals()) {
				lines.append(limit.sdkAppId()).append(',').append(limit.api()).append(',')
					.append(arrival.clientPort()).append(',')
					.append(Duration.between(first, arrival.at()).toNanos() / 1000).append('\n');
			}
		}
		Files.writeString(csv, lines);
		return new Use(limits, rate, marginMillis, violations);
	}

	/** The processes' arrival margin in milliseconds: the option's, else the product's default (25 ms). */
	private double marginMillis() {
		String margin = this.options.arrivalMargin();
		if (margin == null) {
			return 25;
		}
		String value = margin.strip().toLowerCase(java.util.Locale.ROOT);
		if (value.endsWith("ms")) {
			return Double.parseDouble(value.substring(0, value.length() - 2));
		}
		if (value.endsWith("s")) {
			return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
		}
		return Double.parseDouble(value);
	}

	private Path csv(String name) {
		return this.options.workDir().resolve("shared").resolve(name);
	}

	/** Ten tasks (two task groups), so that each process calls for long enough to share the limit. */
	private static String tasks(String name) {
		return IntStream.rangeClosed(1, 10).mapToObj((i) -> "t" + i + "-" + name).collect(Collectors.joining(", "));
	}

	/** The arrivals at the servers per limit (application and API), and the 60007 answers. */
	private record Use(List<Limit> limits, double rate, double marginMillis, long violations) {

		/** k: the vendor's window holds k calls, the rate rounded down. */
		int k() {
			return (int) Math.max(1, Math.floor(this.rate));
		}

		double windowMillis() {
			return k() * 1000 / this.rate;
		}

		/** The time between two shared slots of one limit: the client's spacing (2% over 1 / rate) + margin / k. */
		double holdMillis() {
			return 1020 / this.rate + this.marginMillis / k();
		}

		/** Each application's limit with the most calls (the one its jobs keep busy), busiest first. */
		List<Limit> busiest() {
			Map<Long, Limit> byApplication = new HashMap<>();
			for (Limit limit : this.limits) {
				byApplication.merge(limit.sdkAppId(), limit, (a, b) -> (a.calls() >= b.calls()) ? a : b);
			}
			List<Limit> busiest = new ArrayList<>(byApplication.values());
			busiest.sort((a, b) -> Long.compare(b.calls(), a.calls()));
			return busiest;
		}

		/** The other limit of the same application. */
		Limit other(Limit limit) {
			return this.limits.stream()
				.filter((l) -> l.sdkAppId() == limit.sdkAppId() && !l.api().equals(limit.api()) && l.calls() > 1)
				.findFirst()
				.orElse(null);
		}

		/** The least time spanned by k + 1 consecutive arrivals on any one limit, in milliseconds. */
		double closestSpanMillis() {
			return this.limits.stream()
				.mapToDouble((limit) -> limit.closestSpanMillis(k()))
				.min()
				.orElse(Double.NaN);
		}

		/** Arrivals between two instants, both counted. */
		record Window(Instant from, Instant to, long calls, int callers) {

			double seconds() {
				return Duration.between(this.from, this.to).toNanos() / 1e9;
			}

			double utilisation(double rate) {
				return (seconds() > 0) ? (this.calls - 1) / seconds() / rate : 0;
			}

			String describe(double rate) {
				return "%d calls in %.1f s at %.2f calls/s while all %d callers (client connections) called, limit %.0f"
					.formatted(this.calls, seconds(), (seconds() > 0) ? (this.calls - 1) / seconds() : 0, this.callers,
							rate);
			}

		}

		/** One limit: its arrivals at the server, oldest first. */
		record Limit(long sdkAppId, String api, List<PushLossSimulator.Arrival> arrivals, double rate) {

			long calls() {
				return this.arrivals.size();
			}

			double seconds() {
				return (calls() < 2) ? 0
						: Duration.between(this.arrivals.get(0).at(), this.arrivals.get(this.arrivals.size() - 1).at())
							.toNanos() / 1e9;
			}

			/** Calls per second from the first arrival to the last, over the limit. */
			double utilisation() {
				return (seconds() > 0) ? (calls() - 1) / seconds() / this.rate : 0;
			}

			/**
			 * From the moment the last of the callers (client connections with two calls or more) made its first call
			 * to the moment the first of them made its last: when all of them wanted the limit. The whole span when
			 * there is one caller, or when the callers did not overlap.
			 */
			Window together() {
				Map<Integer, Instant[]> byCaller = new HashMap<>();
				for (PushLossSimulator.Arrival arrival : this.arrivals) {
					byCaller.merge(arrival.clientPort(), new Instant[] { arrival.at(), arrival.at(), Instant.EPOCH },
							(a, b) -> new Instant[] { a[0], b[1], Instant.MAX });
				}
				Instant from = null;
				Instant to = null;
				int callers = 0;
				for (Instant[] span : byCaller.values()) {
					if (span[2] != Instant.MAX) {
						continue; // one call only
					}
					callers++;
					from = (from == null || span[0].isAfter(from)) ? span[0] : from;
					to = (to == null || span[1].isBefore(to)) ? span[1] : to;
				}
				if (callers < 2 || !to.isAfter(from)) {
					return new Window(this.arrivals.get(0).at(), this.arrivals.get(this.arrivals.size() - 1).at(),
							calls(), callers);
				}
				Instant start = from;
				Instant end = to;
				long inside = this.arrivals.stream()
					.filter((arrival) -> !arrival.at().isBefore(start) && !arrival.at().isAfter(end))
					.count();
				return new Window(start, end, inside, callers);
			}

			double closestSpanMillis(int k) {
				double least = Double.POSITIVE_INFINITY;
				for (int i = k; i < this.arrivals.size(); i++) {
					least = Math.min(least, millis(i - k, i));
				}
				return least;
			}

			/** The share of the gaps between consecutive calls no longer than one slot and 15 ms. */
			double boundShare(double holdMillis) {
				long bound = 0;
				for (int i = 1; i < this.arrivals.size(); i++) {
					bound += (millis(i - 1, i) <= holdMillis + 15) ? 1 : 0;
				}
				return (calls() > 1) ? bound / (double) (calls() - 1) : 0;
			}

			String describeGaps(double holdMillis) {
				double lost = 0;
				for (int i = 1; i < this.arrivals.size(); i++) {
					lost += Math.max(0, millis(i - 1, i) - holdMillis - 15);
				}
				return "%.0f%% of the gaps at one slot (%.0f ms) + 15 ms, %.1f s lost in longer ones over the whole span"
					.formatted(100 * boundShare(holdMillis), holdMillis, lost / 1000);
			}

			private double millis(int from, int to) {
				return Duration.between(this.arrivals.get(from).at(), this.arrivals.get(to).at()).toNanos() / 1e6;
			}

			String describe() {
				return "%d calls in %.1f s at %.2f calls/s (from the first arrival to the last), limit %.0f calls/s"
					.formatted(calls(), seconds(), (seconds() > 0) ? (calls() - 1) / seconds() : 0, this.rate);
			}

		}

	}

}
