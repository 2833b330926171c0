package io.pushloss.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.pushloss.PushLossReportApplication;
import io.pushloss.accounts.AccountStore;
import io.pushloss.accounts.Role;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.jobdef.JobDefinitionLoader;
import io.pushloss.scheduling.ReportScheduler;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The application as {@code serve} runs it (console on a free port, actuator on another, Quartz on an H2 file in
 * a temporary data directory, the embedded simulator at a high call rate), serving one job whose cron never fires
 * during a test.
 */
final class ConsoleServer implements AutoCloseable {

	/** A viewer's account. */
	static final String VIEWER = "vera-viewer";

	/** An operator's account. */
	static final String OPERATOR = "otto-operator";

	/** The password of both (test only). */
	static final String PASSWORD = "correct horse battery staple";

	private final ConfigurableApplicationContext context;

	private final JobDefinition job;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private ConsoleServer(ConfigurableApplicationContext context, JobDefinition job) {
		this.context = context;
		this.job = job;
	}

	/** Starts serving a job named {@code name} from a data directory under {@code dir}. */
	static ConsoleServer start(Path dir, String name, Map<String, String> extra) throws Exception {
		Path jobFile = Files.writeString(dir.resolve(name + ".yml"), """
				name: %s
				zone: UTC
				schedule: "0 0 3 1 1 ? 2099"
				api:
				  simulator: true
				  sdkappid: 1400000000
				  identifier: administrator
				  secret-key-env: CONSOLE_TEST_UNSET_SECRET_KEY
				sources:
				  normal: true
				window: P7D
				baseline-weeks: 1
				recipients:
				  to: [pm@example.com]
				owners: [oncall@example.com]
				""".formatted(name));
		JobDefinition job = new JobDefinitionLoader().load(jobFile);
		Path data = dir.resolve("data");
		List<String> args = new ArrayList<>(List.of("--pushloss.data-dir=" + data,
				"--logging.file.name=" + data.resolve("logs/push-loss-report.log"),
				"--spring.main.web-application-type=servlet", "--server.port=0",
				"--pushloss.serve.management-port=0", "--pushloss.api.calls-per-second=50",
				"--spring.quartz.scheduler-name=console-" + name, "--logging.threshold.console=WARN"));
		extra.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PushLossReportApplication.class)
			.web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("clock", Clock.systemUTC()))
			.run(args.toArray(String[]::new));
		try {
			AccountStore accounts = context.getBean(AccountStore.class);
			accounts.add(VIEWER, Role.VIEWER, PASSWORD);
			accounts.add(OPERATOR, Role.OPERATOR, PASSWORD);
			context.getBean(ReportScheduler.class).start(List.of(job));
		}
		catch (Exception ex) {
			context.close();
			throw ex;
		}
		return new ConsoleServer(context, job);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	/** MockMvc over the application's own filter chains (Spring Security included). */
	MockMvc mvc() {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.context).apply(springSecurity()).build();
	}

	JobDefinition job() {
		return this.job;
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<byte[]> download(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Requests as an account (HTTP Basic), or anonymous for {@code null}. */
	Client as(String user) {
		return new Client(user);
	}

	/** Requests of one account. */
	final class Client {

		private final String[] headers;

		private Client(String user) {
			this.headers = (user != null) ? basic(user) : new String[0];
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return ConsoleServer.this.get(path, this.headers);
		}

		HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
			return ConsoleServer.this.download(path, this.headers);
		}

		HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
			return ConsoleServer.this.post(path, json, this.headers);
		}

	}

	/** The {@code Authorization} header of HTTP Basic for an account. */
	static String[] basic(String user) {
		return new String[] { "Authorization", "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)) };
	}

	@Override
	public void close() {
		this.context.close();
	}

}
