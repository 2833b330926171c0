package io.pushloss.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.VendorApiProvider;
import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code serve} as the process runs it (the whole application with its web server, Quartz on the H2 file database,
 * the embedded simulator), closed the way SIGTERM closes it.
 */
class ServeModeTests {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	private static final Duration PATIENCE = Duration.ofSeconds(180);

	private final StringWriter out = new StringWriter();

	@TempDir
	Path dir;

	@Test
	void firesTheJobOnItsCronInItsZoneAndAnswersHealthAndMetricsOnTheManagementPort() throws Exception {
		assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now()))
			.isNotEqualTo(AUCKLAND.getRules().getOffset(Instant.now()));
		// Every 2 s, but only in this hour (and the next) in Auckland: evaluated in any other zone it would not fire.
		int hour = ZonedDateTime.now(AUCKLAND).getHour();
		String cron = "0/2 * " + hour + "," + ((hour + 1) % 24) + " * * ?";
		JobDefinition job = JobFiles.load(writeJob("serve-e2e", "Pacific/Auckland", cron, "P7D"));
		Map<String, Object> properties = properties("0");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", greenMail.getSmtp().getPort());

		try (ServeMode.Served served = serve(job, properties)) {
			IsoWeek week = IsoWeek.lastComplete(AUCKLAND, Clock.systemUTC());
			RunHistory history = served.context().getBean(RunHistory.class);
			await().atMost(PATIENCE).until(() -> completed(history, job.name()));

			assertThat(this.out.toString()).contains("serve-e2e: '" + cron + "' in Pacific/Auckland, next run ")
				.contains("Mail: SMTP server 127.0.0.1:" + greenMail.getSmtp().getPort() + "\n");
			Path documents = this.dir.resolve("data/reports/serve-e2e/" + week);
			assertThat(documents.resolve("push-loss-serve-e2e-" + week + ".xlsx")).isNotEmptyFile();
			assertThat(documents.resolve("push-loss-serve-e2e-" + week + ".pdf")).isNotEmptyFile();
			assertThat(documents.resolve("summary.json")).isNotEmptyFile();
			MimeMessage[] received = greenMail.getReceivedMessages();
			assertThat(received).hasSize(1);
			assertThat(received[0].getSubject()).contains(week.toString());
			assertThat(history.recent(job.name(), 10)).singleElement()
				.satisfies((run) -> assertThat(run.week()).isEqualTo(week));

			int port = ServeMode.managementPort(served.context());
			assertThat(port).isPositive();
			HttpResponse<String> health = get(port, "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			JsonNode components = JsonMapper.builder().build().readTree(health.body()).path("components");
			assertThat(JsonMapper.builder().build().readTree(health.body()).path("status").asString())
				.isEqualTo("UP");
			assertThat(components.path("scheduler").path("status").asString()).isEqualTo("UP");
			assertThat(components.path("scheduler").path("details").path("instanceId").asString())
				.as("this node's Quartz instance id").isNotBlank();
			assertThat(components.path("scheduler").path("details").path("clustered").asBoolean())
				.as("one machine, H2: not clustered").isFalse();
			assertThat(components.path("scheduler").path("details").has("members")).isFalse();
			assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
			assertThat(components.path("lastRuns").path("details").path("serve-e2e").path("status").asString())
				.isEqualTo("COMPLETED");
			assertThat(components.path("mail").path("details").path("mode").asString()).isEqualTo("SMTP");
			HttpResponse<String> prometheus = get(port, "/actuator/prometheus");
			assertThat(prometheus.statusCode()).isEqualTo(200);
			assertThat(prometheus.body())
				.contains("pushloss_runs_total{job=\"serve-e2e\",status=\"COMPLETED\"} 1.0")
				.contains("pushloss_runs_total{job=\"serve-e2e\",status=\"FAILED\"} 0.0")
				.contains("pushloss_api_calls_total{job=\"serve-e2e\"} 4.0")
				.contains("pushloss_windows_fetched_total{job=\"serve-e2e\"} 4.0")
				.containsPattern("pushloss_rows_stored_total\\{job=\"serve-e2e\"} [1-9]")
				.containsPattern("pushloss_last_success_seconds\\{job=\"serve-e2e\"} 1\\.");
			// loopback Host names only (no DNS rebinding), and never a 500 for a bad request
			assertThat(rawStatus(port, "/actuator/health", "localhost:" + port)).isEqualTo(200);
			assertThat(rawStatus(port, "/actuator/health", "[::1]:" + port)).isEqualTo(200);
			assertThat(rawStatus(port, "/actuator/health", "evil.example")).isEqualTo(400);
			assertThat(rawStatus(port, "/actuator/health", "127.0.0.1.nip.io:" + port)).isEqualTo(400);
			assertThat(rawStatus(port, "/error", "127.0.0.1:" + port)).isEqualTo(404);
			assertThat(rawStatus(port, "/actuator/%zz", "127.0.0.1:" + port)).isEqualTo(400);
			assertThat(rawStatus(port, "/nothing-here", "127.0.0.1:" + port)).isEqualTo(404);

			// the console on its own port (server.port), loopback names only there too; the actuator is not on it
			int console = ServeMode.consolePort(served.context());
			assertThat(console).isPositive().isNotEqualTo(port);
			assertThat(this.out.toString()).contains("Console: http://127.0.0.1:" + console + "/\n");
			assertThat(rawStatus(console, "/jobs", "evil.example")).isEqualTo(400);
			assertThat(rawStatus(console, "/login", "localhost:" + console)).isEqualTo(200);
			assertThat(rawStatus(port, "/login", "127.0.0.1:" + port)).as("no console on the management port")
				.isEqualTo(404);
		}
	}

	/** The status of a GET sent over a plain socket, with a Host header the JDK's HTTP client would not send. */
	private static int rawStatus(int port, String path, String host) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

	@Test
	void aRunStoppedByTheShutdownCommitsItsWindowAndTheNextStartResumesIt() throws Exception {
		// (the week's 7 days + its baseline week in one window) x (overall + normal): 16 windows
		JobDefinition job = JobFiles.load(writeJob("graceful", "UTC", "0 0 3 1 1 ? 2099", "P1D"));
		Map<String, Object> properties = properties("-1");

		try (ServeMode.Served first = serve(job, properties)) {
			// every answer takes a while, so the shutdown comes in the middle of the fetch
			VendorApiProvider vendor = first.context().getBean(VendorApiProvider.class);
			vendor.forJob(job);
			vendor.simulatorFor(job).faults(FaultSettings.always(Fault.DELAY).withDelay(Duration.ofMillis(500)));
			first.context().getBean(Scheduler.class).triggerJob(JobKey.jobKey("graceful", "push-loss-report"));
			RunHistory history = first.context().getBean(RunHistory.class);
			await().atMost(PATIENCE)
				.until(() -> history.recent(job.name(), 1).stream().anyMatch((run) -> run.windowsFetched() >= 2));
		}

		this.out.getBuffer().setLength(0);
		try (ServeMode.Served second = serve(job, properties)) {
			RunHistory history = second.context().getBean(RunHistory.class);
			await().atMost(PATIENCE).until(() -> completed(history, job.name()));

			List<RunSummary> runs = history.recent(job.name(), 10);
			assertThat(runs).extracting(RunSummary::status).containsExactly(RunStatus.COMPLETED, RunStatus.STOPPED);
			RunSummary stopped = runs.get(1);
			RunSummary resumed = runs.get(0);
			assertThat(stopped.windowsFetched()).as("committed before the stop, not all").isBetween(2, 15);
			assertThat(this.out.toString()).contains("resuming " + stopped.week() + " of graceful (execution "
					+ stopped.executionId() + ", STOPPED)");
			assertThat(resumed.week()).isEqualTo(stopped.week());
			assertThat(resumed.windowsFetched()).as("the windows the stopped run had not committed")
				.isEqualTo(16 - stopped.windowsFetched());
		}
		try (Stream<Path> outbox = Files.list(this.dir.resolve("data/outbox"))) {
			assertThat(outbox).as("one email, from the run that completed").hasSize(1);
		}
	}

	private ServeMode.Served serve(JobDefinition job, Map<String, Object> properties) {
		CommandOutput output = new CommandOutput(new PrintWriter(this.out, true), new PrintWriter(new StringWriter()));
		return new ServeMode(Clock.systemUTC(), (name) -> null).start(
				new ReportOperations.ServeRequest(List.of(job), this.dir.resolve("data")), output, properties);
	}

	private static Map<String, Object> properties(String managementPort) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("pushloss.api.calls-per-second", 50);
		properties.put("pushloss.serve.management-port", managementPort);
		properties.put("server.port", "0");
		properties.put("spring.quartz.scheduler-name", "serve-mode-tests");
		properties.put("logging.threshold.console", "WARN");
		return properties;
	}

	private static boolean completed(RunHistory history, String job) {
		return history.recent(job, 1).stream().anyMatch((run) -> run.status() == RunStatus.COMPLETED);
	}

	private Path writeJob(String name, String zone, String cron, String window) throws IOException {
		return Files.writeString(this.dir.resolve(name + ".yml"), """
				name: %s
				zone: %s
				schedule: "%s"
				api:
				  simulator: true
				  sdkappid: 1400000000
				  identifier: administrator
				  secret-key-env: SERVE_TEST_UNSET_SECRET_KEY
				sources:
				  normal: true
				window: %s
				baseline-weeks: 1
				recipients:
				  to: [pm@example.com]
				owners: [oncall@example.com]
				""".formatted(name, zone, cron, window));
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
