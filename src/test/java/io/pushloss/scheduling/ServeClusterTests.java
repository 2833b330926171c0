package io.pushloss.scheduling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.ChildJvm;
import io.pushloss.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three {@code serve} nodes as real processes on one PostgreSQL database, each with its embedded simulator, and a
 * real SMTP server: every firing of the schedule runs on exactly one node; the node running the week is killed with
 * SIGKILL in the middle of the fetch, and a surviving node continues its execution from the last committed window
 * (Quartz recovers the firing, the week's lock expires, the dead execution is marked failed and restarted). The
 * week ends as an undisturbed run of it ends: the same summary, one email, one archived week in the archive
 * directory the nodes share, no window fetched twice but the one in flight. Health shows each node's instance id and the members of the cluster.
 */
class ServeClusterTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final String WEEK = "2026-W46";

	/** (the report week's 7 days + the baseline week as one 7-day window) x (overall, normal push). */
	private static final int WINDOWS = 16;

	private static final int NODES = 3;

	private static final Duration PATIENCE = Duration.ofSeconds(240);

	private static final Pattern FIRED = Pattern.compile("Schedule of cluster fired on node (\\S+) \\(due ([^)]+)\\)");

	/** Committed windows after which the node running the week is killed. */
	private static final int KILL_AFTER_WINDOWS = 4;

	private static final Pattern TAKEOVER = Pattern
		.compile("recovered on node|Resuming|Restarting|waiting up to|marking it failed|being run by|taking it");

	private static final Pattern HEALTH = Pattern.compile("Health: http://127\\.0\\.0\\.1:(\\d+)/actuator/health");

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	@Test
	void eachFiringRunsOnOneNodeAndAKilledNodesWeekIsFinishedByAnotherWithOneEmail() throws Exception {
		Path jobFile = writeJob();
		List<Node> nodes = new ArrayList<>();
		Path reference = this.work.resolve("reference");
		// an undisturbed run of the week, on H2 in its own data directory with its own embedded simulator, started
		// while the survivors take over
		ProcessBuilder undisturbed = command(jobFile, "run", jobFile.toString(), "--week", WEEK, "--data-dir",
				reference.toString())
			.redirectOutput(this.work.resolve("reference.out").toFile());
		List<Process> references = new ArrayList<>();
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			try {
				clusterRun(database, jobFile, nodes, () -> references.add(undisturbed.start()));
			}
			finally {
				// before the database is dropped
				nodes.forEach(Node::stop);
			}
		}
		finally {
			references.stream().filter(Process::isAlive).forEach((process) -> {
				try {
					process.waitFor(3, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				process.destroyForcibly();
			});
		}
		nodes.forEach((node) -> node.logLines().stream().filter(TAKEOVER.asPredicate())
			.forEach((line) -> System.out.println("node " + node.number + ": " + line)));

		// one email
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).as(transcripts(nodes)).hasSize(1);
		assertThat(received[0].getSubject()).contains(WEEK);

		// the same report as an undisturbed run, and no window fetched twice but the one in flight at the kill
		assertThat(references).hasSize(1);
		Process run = references.get(0);
		assertThat(run.exitValue()).as(Files.readString(this.work.resolve("reference.out"))).isZero();
		Path summary = Path.of("reports", "cluster", WEEK, "summary.json");
		List<Node> finishers = nodes.stream().filter((node) -> Files.exists(node.dataDir.resolve(summary))).toList();
		assertThat(finishers).as("one node wrote the documents").hasSize(1);
		assertThat(Files.readString(finishers.get(0).dataDir.resolve(summary)))
			.isEqualTo(Files.readString(reference.resolve(summary)));
		// archived once, in the archive every node shares, by the node that finished the week
		Path archived = Path.of("cluster", WEEK.substring(0, 4), WEEK);
		assertThat(sharedArchive(this.work).resolve(archived)).as("the week in the shared archive").isDirectory();
		assertThat(Files.readString(sharedArchive(this.work).resolve(archived).resolve("summary.json")))
			.isEqualTo(Files.readString(reference.resolve("archive").resolve(archived).resolve("summary.json")));
		assertThat(nodes).allSatisfy((node) -> assertThat(node.dataDir.resolve("archive/cluster"))
			.as("nothing archived into a node's own data directory").doesNotExist());
		Map<String, Integer> fetches = new TreeMap<>();
		nodes.forEach((node) -> ChildJvm.fetchesPerWindow(node.dataDir, fetches));
		Map<String, Integer> referenceFetches = ChildJvm.fetchesPerWindow(reference, new TreeMap<>());
		assertThat(referenceFetches).hasSize(WINDOWS);
		assertThat(fetches.keySet()).isEqualTo(referenceFetches.keySet());
		assertThat(fetches.values().stream().mapToInt((count) -> count - 1).sum())
			.as("windows fetched again: %s", fetches)
			.isLessThanOrEqualTo(1);
	}

	/** Starts the nodes, kills the one running the week, and checks the cluster while the survivors run. */
	private void clusterRun(PostgresTestDatabase database, Path jobFile, List<Node> nodes, ProcessStart afterKill)
			throws Exception {
		for (int i = 1; i <= NODES; i++) {
			nodes.add(Node.start(i, database, jobFile, this.work));
		}

		// the node that runs the week (the holder of its lock) is killed once it committed a few windows
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions() // tables not yet there
			.until(() -> Integer.parseInt(single(database, "SELECT COUNT(*) FROM fetched_window")) >= KILL_AFTER_WINDOWS
					&& holderPid(database) != null);
		long holder = holderPid(database);
		Node victim = nodes.stream().filter((node) -> node.pid() == holder).findFirst().orElseThrow();
		victim.kill();
		List<Node> survivors = nodes.stream().filter((node) -> node != victim).toList();
		long killedAt = System.nanoTime();
		afterKill.start();

		await().atMost(PATIENCE).until(() -> statuses(database).contains("COMPLETED"));
		System.out.printf("Cluster failover: the week completed %.1f s after the SIGKILL of node %d%n",
				(System.nanoTime() - killedAt) / 1e9, victim.number);
		// two more firings after the week completed, to see them run once each too
		int firings = firings(nodes).size();
		await().atMost(PATIENCE).until(() -> firings(nodes).size() >= firings + 2);

		// health: this node's instance id, and the members that check in (the dead node's row was removed)
		Set<String> instanceIds = new HashSet<>();
		List<Set<String>> members = new ArrayList<>();
		for (Node survivor : survivors) {
			JsonNode scheduler = health(survivor).path("components").path("scheduler").path("details");
			assertThat(scheduler.path("clustered").asBoolean()).isTrue();
			instanceIds.add(scheduler.path("instanceId").asString());
			Set<String> seen = new HashSet<>();
			scheduler.path("members").forEach((member) -> seen.add(member.path("instanceId").asString()));
			members.add(seen);
		}
		assertThat(members).allSatisfy((seen) -> assertThat(seen).isEqualTo(instanceIds));
		assertThat(instanceIds).hasSize(survivors.size());

		// every firing on exactly one node
		Map<String, List<String>> byDue = firings(nodes);
		assertThat(byDue).as(transcripts(nodes)).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((due, ran) -> assertThat(ran).as("firing due " + due).hasSize(1));

		// the dead node's execution was continued, not run anew
		assertThat(statuses(database)).as(transcripts(nodes)).containsExactly("FAILED", "COMPLETED");
		assertThat(single(database, "SELECT COUNT(DISTINCT job_instance_id) FROM batch_job_execution"))
			.isEqualTo("1");
		assertThat(single(database, "SELECT COUNT(*) FROM int_lock")).as("every week lock released")
			.isEqualTo("0");
	}

	/** The archive directory every node is given (a share every node mounts, in production). */
	private static Path sharedArchive(Path work) {
		return work.resolve("shared-archive");
	}

	private static List<String> statuses(PostgresTestDatabase database) throws Exception {
		List<String> statuses = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT status FROM batch_job_execution ORDER BY job_execution_id")) {
			while (rows.next()) {
				statuses.add(rows.getString(1));
			}
		}
		return statuses;
	}

	/** The process id in the client id ({@code host/pid/nonce}) of the week lock's holder, null when none holds it. */
	private static Long holderPid(PostgresTestDatabase database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT client_id FROM int_lock")) {
			return rows.next() ? Long.valueOf(rows.getString(1).strip().split("/")[1]) : null;
		}
	}

	private static String single(PostgresTestDatabase database, String sql) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	/** The firings of the schedule by due time, with the nodes that ran each. */
	private static Map<String, List<String>> firings(List<Node> nodes) {
		Map<String, List<String>> byDue = new TreeMap<>();
		for (Node node : nodes) {
			for (String line : node.logLines()) {
				Matcher fired = FIRED.matcher(line);
				if (fired.find()) {
					byDue.computeIfAbsent(fired.group(2), (due) -> new ArrayList<>()).add("node " + node.number);
				}
			}
		}
		return byDue;
	}

	private static JsonNode health(Node node) throws IOException, InterruptedException {
		int port = node.lines().stream().map(HEALTH::matcher).filter(Matcher::find)
			.mapToInt((matcher) -> Integer.parseInt(matcher.group(1))).findFirst().orElseThrow();
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return JsonMapper.builder().build().readTree(response.body());
	}

	private String transcripts(List<Node> nodes) {
		return "transcripts in " + this.work + " (node-N.out, node-N/logs)";
	}

	private static ProcessBuilder command(Path jobFile, String... args) {
		ProcessBuilder builder = ChildJvm.command(jobFile.getParent(), List.of("-Xmx384m"), List.of(args));
		builder.environment().put("PUSHLOSS_API_CALLS_PER_SECOND", "50");
		builder.environment().put("LOGGING_LEVEL_IO_PUSHLOSS_SIMULATOR", "DEBUG");
		return builder;
	}

	private Path writeJob() throws IOException {
		return ChildJvm.writeJob(this.work, "cluster", "0/4 * * * * ?", """
				sources:
				  normal: true
				window: P1D
				baseline-weeks: 1
				recipients:
				  to: [pm@example.com]
				owners: [oncall@example.com]
				""");
	}

	/** Starts a process. */
	@FunctionalInterface
	private interface ProcessStart {

		void start() throws IOException;

	}

	/** One {@code serve} process, its output read line by line as it comes. */
	private static final class Node {

		final int number;

		final Path dataDir;

		private final Process process;

		private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

		private final Path transcript;

		private Node(int number, Path dataDir, Process process, Path transcript) {
			this.number = number;
			this.dataDir = dataDir;
			this.process = process;
			this.transcript = transcript;
		}

		static Node start(int number, PostgresTestDatabase database, Path jobFile, Path work) throws IOException {
			Path dataDir = work.resolve("node-" + number);
			ProcessBuilder builder = command(jobFile, "serve", jobFile.toString(), "--data-dir", dataDir.toString());
			Map<String, String> environment = builder.environment();
			environment.put("SPRING_DATASOURCE_URL", database.url());
			environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
			environment.put("PUSHLOSS_ARCHIVE_DIRECTORY", sharedArchive(work).toString());
			environment.put("SPRING_MAIL_HOST", "127.0.0.1");
			environment.put("SPRING_MAIL_PORT", Integer.toString(greenMail.getSmtp().getPort()));
			// slow enough to be killed in the middle of the fetch: 16 windows at 4 calls per second
			environment.put("PUSHLOSS_API_CALLS_PER_SECOND", "4");
			environment.put("PUSHLOSS_SERVE_CLUSTER_CHECKIN_INTERVAL", "1s");
			environment.put("PUSHLOSS_WEEK_LOCK_TIME_TO_LIVE", "6s");
			environment.put("PUSHLOSS_SERVE_MANAGEMENT_PORT", "0");
			environment.put("SERVER_PORT", "0");
			Node node = new Node(number, dataDir, builder.start(), work.resolve("node-" + number + ".out"));
			Thread reader = new Thread(node::read, "node-" + number + "-output");
			reader.setDaemon(true);
			reader.start();
			return node;
		}

		/** Reads the output as it comes. */
		private void read() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				this.lines.add("<<< output ended: " + ex.getMessage() + " >>>");
			}
		}

		long pid() {
			return this.process.pid();
		}

		/** SIGKILL, as a crash or power loss ends it. */
		void kill() {
			this.process.destroyForcibly();
			this.lines.add("<<< killed with SIGKILL by the test >>>");
		}

		/** The lines of its log file so far. */
		List<String> logLines() {
			Path log = this.dataDir.resolve("logs").resolve("push-loss-report.log");
			try {
				return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		List<String> lines() {
			synchronized (this.lines) {
				return new ArrayList<>(this.lines);
			}
		}

		/** SIGTERM, then SIGKILL if it does not end in time; keeps the transcript. */
		void stop() {
			try {
				if (this.process.isAlive()) {
					this.process.destroy();
					if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
						this.process.destroyForcibly();
						this.process.waitFor(10, TimeUnit.SECONDS);
					}
				}
				Files.write(this.transcript, lines(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
