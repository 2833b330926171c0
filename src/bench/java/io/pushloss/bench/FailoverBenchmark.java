package io.pushloss.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.bind.Binder;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.job.WeekLockProperties;
import io.pushloss.scheduling.ServeProperties;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

/**
 * Section 8, failover of a cluster of two {@code serve} nodes on one PostgreSQL database (issue 15): the node
 * running the week (the holder of its lock) is killed with SIGKILL in the middle of the fetch, and the figure is the
 * time from the kill to the next call the vendor (one simulator shared by both nodes, in this JVM) answers, which
 * can only come from the survivor. Measured for each of {@code --failover-hosts}: nodes on one host (the survivor
 * sees by its process id that the lock's holder has ended) and nodes on distinct hosts (each node is given a host of
 * its own, {@code PUSHLOSS_NODE_HOST}, so the survivor waits for the dead holder's lock to expire, as on two
 * machines). The nodes run with the product's defaults of the cluster check-in and the week lock's time to live.
 * Repeated {@code --failover-runs} times on a new database each time; median, min and max are reported. Needs
 * PostgreSQL on 127.0.0.1:5432 (as the tests).
 */
final class FailoverBenchmark extends Benchmark {

	static final String SECTION = "8 failover";

	private static final String SECRET_KEY = "failover-bench-secret-key";

	private static final int NODES = 2;

	/** Committed windows after which the node running the week is killed (of 28). */
	private static final int KILL_AFTER_WINDOWS = 4;

	private static final double CALLS_PER_SECOND = 4;

	private static final Duration PATIENCE = Duration.ofSeconds(240);

	FailoverBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
	}

	/** Where the nodes of a measured cluster run. */
	enum Hosts {

		/** On one host: a dead lock holder is recognised by its process id. */
		SAME,

		/** Each node with a host of its own ({@code PUSHLOSS_NODE_HOST}): a dead holder's lock has to expire. */
		DISTINCT;

		/** {@code same}, {@code distinct}, {@code both} (or a comma-separated list); by default both. */
		static List<Hosts> parse(String value) {
			if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("both")) {
				return List.of(values());
			}
			List<Hosts> hosts = new ArrayList<>();
			for (String name : value.split(",")) {
				Hosts parsed = Arrays.stream(values())
					.filter((candidate) -> candidate.label().equalsIgnoreCase(name.strip()))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException(
							"Unknown --failover-hosts '" + name + "'; use same, distinct or both"));
				if (!hosts.contains(parsed)) {
					hosts.add(parsed);
				}
			}
			return List.copyOf(hosts);
		}

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The node's {@code PUSHLOSS_NODE_HOST}, or null for the machine's host name. */
		String nodeHost(int number) {
			return (this == DISTINCT) ? "bench-host-" + number : null;
		}

	}

	@Override
	List<Figure> run() throws Exception {
		List<Figure> figures = new ArrayList<>();
		for (Hosts hosts : this.options.failoverHosts()) {
			figures.addAll(measure(hosts));
		}
		return figures;
	}

	private List<Figure> measure(Hosts hosts) throws Exception {
		List<Double> seconds = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (int run = 1; run <= this.options.failoverRuns(); run++) {
			this.progress.step("failover (" + hosts.label() + " hosts): run " + run + " of "
					+ this.options.failoverRuns() + ", " + NODES + " serve nodes (load average "
					+ Machine.currentLoadAverage() + ")");
			try {
				double measured = once(hosts, run);
				this.progress.step("failover (" + hosts.label() + " hosts): run " + run + ": next vendor call "
						+ Numbers.format(measured) + " s after the SIGKILL");
				seconds.add(measured);
			}
			catch (IllegalStateException ex) {
				this.progress.step("failover (" + hosts.label() + " hosts): run " + run + " failed: " + ex.getMessage());
				failures.add("run " + run + ": " + ex.getMessage());
			}
		}
		String id = "failover." + hosts.label();
		String where = (hosts == Hosts.SAME) ? "nodes on one host" : "nodes on distinct hosts";
		String settings = ("%d %s, check-in %s and week lock TTL %s (the product's defaults), %.0f calls/s; "
				+ "%d of %d runs measured%s").formatted(NODES, where, seconds(productCheckinInterval()),
						seconds(productLockTimeToLive()), CALLS_PER_SECOND, seconds.size(), this.options.failoverRuns(),
						failures.isEmpty() ? "" : "; " + String.join("; ", failures));
		List<Figure> figures = new ArrayList<>();
		if (seconds.isEmpty()) {
			figures.add(Figure.info(id + ".runs", SECTION, "failover runs measured, " + where, 0, "", settings));
			return figures;
		}
		List<Double> sorted = seconds.stream().sorted().toList();
		figures.add(Figure.atMost(id + ".median", SECTION,
				"SIGKILL of the running node to the survivor's next vendor call, " + where + ", median of "
						+ sorted.size(),
				median(sorted), "s", 60, settings));
		figures.add(Figure.info(id + ".min", SECTION, "the same, " + where + ", fastest run", sorted.get(0), "s",
				null));
		figures.add(Figure.info(id + ".max", SECTION, "the same, " + where + ", slowest run",
				sorted.get(sorted.size() - 1), "s", "all runs: " + seconds.stream().map(Numbers::format).toList()));
		return figures;
	}

	/** The product's default {@code pushloss.serve.cluster-checkin-interval}, which the nodes run with. */
	static Duration productCheckinInterval() {
		return new Binder().bindOrCreate("pushloss.serve", ServeProperties.class).clusterCheckinInterval();
	}

	/** The product's default {@code pushloss.week-lock.time-to-live}, which the nodes run with. */
	static Duration productLockTimeToLive() {
		return new Binder().bindOrCreate("pushloss.week-lock", WeekLockProperties.class).timeToLive();
	}

	private static String seconds(Duration duration) {
		return Numbers.format(duration.toMillis() / 1000.0) + " s";
	}

	static double median(List<Double> sorted) {
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** One cluster on a new database: seconds from the SIGKILL to the next call the simulator answers. */
	private double once(Hosts hosts, int run) throws Exception {
		Path dir = Files.createDirectories(
				this.options.workDir().resolve("failover").resolve(hosts.label() + "-run-" + run));
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(ChildJvm.NOW)));
		List<Process> nodes = new ArrayList<>();
		try (PostgresTestDatabase database = PostgresTestDatabase.create();
				PushLossSimulator simulator = PushLossSimulator.start(SimulatorSettings.defaults()
					.withSecretKey(SECRET_KEY)
					.withCallsPerSecond(CALLS_PER_SECOND * 2)
					.withClock(clock))) {
			try {
				Path job = writeJob(dir, simulator);
				for (int i = 1; i <= NODES; i++) {
					nodes.add(start(database, job, dir, i, hosts.nodeHost(i)));
				}
				long deadline = System.nanoTime() + PATIENCE.toNanos();
				Long holder = null;
				while (holder == null || committedWindows(database) < KILL_AFTER_WINDOWS) {
					if (System.nanoTime() > deadline || nodes.stream().anyMatch((node) -> !node.isAlive())) {
						throw new IllegalStateException("no node ran the week (" + committedWindows(database)
								+ " windows committed); transcripts in " + dir);
					}
					Thread.sleep(50);
					holder = holderPid(database);
				}
				long pid = holder;
				Process victim = nodes.stream().filter((node) -> node.pid() == pid).findFirst()
					.orElseThrow(() -> new IllegalStateException("lock holder " + pid + " is not a node"));
				long killedAt = System.nanoTime();
				victim.destroyForcibly();
				victim.waitFor(10, TimeUnit.SECONDS);
				// a call the victim sent before it died may still be answered: let it land before counting
				Thread.sleep(100);
				long callsAtKill = simulator.calls();
				while (simulator.calls() == callsAtKill) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("the survivor made no call within " + PATIENCE
								+ "; transcripts in " + dir);
					}
					Thread.sleep(5);
				}
				return (System.nanoTime() - killedAt) / 1e9;
			}
			finally {
				// before the database is dropped
				for (Process node : nodes) {
					stop(node);
				}
			}
		}
	}

	private static Path writeJob(Path dir, PushLossSimulator simulator) throws IOException {
		return io.pushloss.ChildJvm.writeJob(dir, "cluster", "0/4 * * * * ?", simulator, "BENCH_SECRET_KEY", """
				sources:
				  normal: true
				window: P1D
				baseline-weeks: 1
				recipients:
				  to: [pm@example.com]
				""");
	}

	private static Process start(PostgresTestDatabase database, Path job, Path dir, int number, String nodeHost)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(ChildJvm.program(List.of("-Xmx384m"), "serve", job.toString(),
				"--data-dir", dir.resolve("node-" + number).toString()))
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("node-" + number + ".out").toFile());
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("PUSHLOSS_") || name.startsWith("SPRING_")
				|| name.startsWith("JAVA_TOOL_OPTIONS"));
		environment.put("SPRING_DATASOURCE_URL", database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
		// no SMTP server: the week's email fails after the measurement, which does not matter here
		environment.put("SPRING_MAIL_HOST", "127.0.0.1");
		environment.put("SPRING_MAIL_PORT", "9");
		environment.put("BENCH_SECRET_KEY", SECRET_KEY);
		environment.put("PUSHLOSS_API_CALLS_PER_SECOND", Double.toString(CALLS_PER_SECOND));
		// the cluster check-in and the week lock's time to live keep the product's defaults
		if (nodeHost != null) {
			environment.put("PUSHLOSS_NODE_HOST", nodeHost);
		}
		environment.put("PUSHLOSS_SERVE_MANAGEMENT_PORT", "0");
		environment.put("SERVER_PORT", "0");
		return builder.start();
	}

	/** SIGTERM, then SIGKILL if it does not end in time. */
	private static void stop(Process node) throws InterruptedException {
		if (node.isAlive()) {
			node.destroy();
			if (!node.waitFor(30, TimeUnit.SECONDS)) {
				node.destroyForcibly();
				node.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static int committedWindows(PostgresTestDatabase database) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM fetched_window")) {
			rows.next();
			return rows.getInt(1);
		}
		catch (java.sql.SQLException ex) {
			return 0; // the tables are not there yet
		}
	}

	/** The process id in the client id ({@code host/pid/nonce}) of the week lock's holder, null when none holds it. */
	private static Long holderPid(PostgresTestDatabase database) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT client_id FROM int_lock")) {
			return rows.next() ? Long.valueOf(rows.getString(1).strip().split("/")[1]) : null;
		}
		catch (java.sql.SQLException ex) {
			return null;
		}
	}

}
