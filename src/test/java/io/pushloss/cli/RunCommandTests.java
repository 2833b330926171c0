package io.pushloss.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} end to end through {@link Main#execute}: the real Spring application per command, the embedded
 * simulator, the outbox and the archive in a temporary data directory, with a fixed clock and fake environment
 * variables.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunCommandTests {

	private static final String WRONG_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	@TempDir
	Path temp;

	/** The command's environment: a fast client, and a simulator that never refuses it for going too fast. */
	private final Map<String, String> environment = new HashMap<>(Map.of("PUSHLOSS_API_CALLS_PER_SECOND", "50",
			"PUSHLOSS_API_SIMULATOR_CALLS_PER_SECOND", "1000"));

	private final Clock clock = Clock.fixed(CliHarness.WEDNESDAY_OF_W47, ZoneOffset.UTC);

	private String out;

	private String err;

	@Test
	void runReportsTheWeekAndASecondRunFindsItCompleteWithoutCallingTheApi(CapturedOutput output) throws IOException {
		Path job = demoJob(null);
		Path data = this.temp.resolve("data");

		int exitCode = execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data.toString());

		assertThat(exitCode).as(this.out + this.err).isZero();
		List<String> err = this.err.lines().toList();
		assertThat(err.get(0)).as("the mail mode, said at the start").isEqualTo("mail: outbox folder "
				+ data.toAbsolutePath().resolve("outbox") + ", nothing is sent (no SMTP host configured)");
		String steps = this.err.substring(this.err.indexOf('\n') + 1);
		assertThat(steps.lines()).as("one line per step, none per window").containsExactly(
				"demo 2026-W46: fetch: 8 windows planned, 0 already stored, 8 to fetch (about 0s at 50 calls/s)",
				err.get(2), "demo 2026-W46: analysis done in " + seconds(steps, 2),
				"demo 2026-W46: Excel done in " + seconds(steps, 3), "demo 2026-W46: PDF done in "
						+ seconds(steps, 4), "demo 2026-W46: archive and email done in " + seconds(steps, 5));
		assertThat(err.get(2))
			.matches("demo 2026-W46: fetch: 8/8 windows stored, 8 calls in \\d+s \\([0-9.]+ calls?/s\\)");
		Path archive = data.resolve("archive/demo/2026/2026-W46").toAbsolutePath();
		assertThat(this.out).startsWith("demo 2026-W46: COMPLETED in ")
			.contains("  fetched:   8 of 8 windows with 8 calls (0 were already stored)\n")
			.containsPattern("  totals: +Push to all [0-9,]+ lost \\([-+0-9.%]+ WoW\\); Normal push [0-9,]+ lost")
			.contains("  documents: " + data.toAbsolutePath().resolve("reports/demo/2026-W46") + "/")
			.contains("  email:     written to " + data.toAbsolutePath() + "/outbox/, nothing was sent (no SMTP host configured)")
			.contains("  archive:   " + archive);
		assertThat(archive.resolve("SHA256SUMS")).isRegularFile();
		assertThat(archive.resolve("push-loss-demo-2026-W46.pdf")).isRegularFile();
		try (Stream<Path> outbox = Files.list(data.resolve("outbox"))) {
			assertThat(outbox.map((file) -> file.getFileName().toString()))
				.singleElement()
				.satisfies((name) -> assertThat(name).startsWith("push-loss.demo.2026-W46.").endsWith(".eml"));
		}
		Path log = data.resolve("logs/push-loss-report.log");
		assertThat(count(log, "Push-loss simulator listening on ")).isEqualTo(1);
		assertThat(Files.readString(log)).as("the simulator's own count").contains("stopped after 8 calls");

		int again = execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data.toString());

		assertThat(again).isZero();
		assertThat(this.out).startsWith("demo 2026-W46: already complete, nothing to do\n")
			.contains("2026-W46 already completed at ")
			.contains(": nothing to do, 0 API calls; use backfill --force to refresh");
		assertThat(count(log, "Push-loss simulator listening on ")).as("no simulator started, so no call made")
			.isEqualTo(1);
		assertThat(output.toString()).doesNotContain("\tat ");
	}

	@Test
	void aWrongSecretKeyFailsWithOneLineNamingTheVendorsCodeAndNoStackTrace(CapturedOutput output)
			throws IOException {
		try (PushLossSimulator vendor = PushLossSimulator.start(SimulatorSettings.defaults().withCallsPerSecond(1000))) {
			Path job = demoJob(vendor.baseUrl());
			this.environment.put("TIM_SECRET_KEY", WRONG_KEY);
			this.environment.put("PUSHLOSS_MAIL_OUTBOX_ONLY", "true");

			int exitCode = execute("run", job.toString(), "--week", "2026-W46", "--data-dir",
					this.temp.resolve("data").toString());

			assertThat(exitCode).isEqualTo(1);
			assertThat(this.err).startsWith("mail: outbox folder ")
				.contains(", nothing is sent (no SMTP host configured; pushloss.mail.outbox-only=true)\n");
			assertThat(this.err.lines()).last()
				.asString()
				.startsWith("demo 2026-W46: fetch: ended early at 0/8 windows stored, 1 call in ");
			List<String> lines = this.out.lines().toList();
			assertThat(lines.get(0)).startsWith("demo 2026-W46: FAILED");
			assertThat(lines).filteredOn((line) -> line.startsWith("  error:"))
				.singleElement()
				.asString()
				.contains("70009 wrong secret key", "check the secret key in $TIM_SECRET_KEY", "sdkappid 1400000000");
			assertThat(vendor.calls()).as("a fatal error is not retried").isEqualTo(1);
		}
		assertThat(output.toString()).doesNotContain("\tat ").doesNotContain(WRONG_KEY);
		assertThat(this.out).doesNotContain(WRONG_KEY);
	}

	@Test
	void aJobOfTheVendorWithoutSmtpIsRefusedWithOneLineUnlessTheOutboxIsChosen() throws IOException {
		Path job = demoJob("http://127.0.0.1:9");
		this.environment.put("TIM_SECRET_KEY", WRONG_KEY);
		Path data = this.temp.resolve("data");

		int exitCode = execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(this.out).isEmpty();
		assertThat(this.err.lines().toList()).singleElement()
			.asString()
			.startsWith(job + ": job 'demo' emails its report, but no SMTP host is configured")
			.contains("PUSHLOSS_MAIL_OUTBOX_ONLY=true");
		assertThat(data).as("nothing written").doesNotExist();
		assertThat(this.err).doesNotContain(WRONG_KEY);
	}

	/**
	 * jobs/demo.yml with weekly windows and one baseline week (8 calls); with a base URL it calls that simulator
	 * as if it were the vendor, with the key in TIM_SECRET_KEY.
	 */
	@Test
	void anSmtpServerThatNeverGreetsEndsTheRunWithTheEmailFailedAndPending() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			List<Socket> held = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				while (!silent.isClosed()) {
					try {
						held.add(silent.accept());
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "silent-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
			this.environment.putAll(Map.of("SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
					Integer.toString(silent.getLocalPort()), "PUSHLOSS_DELIVERY_RETRY_MAX_ATTEMPTS", "2",
					"PUSHLOSS_DELIVERY_RETRY_INITIAL_BACKOFF", "1ms", "PUSHLOSS_DELIVERY_RETRY_MAX_BACKOFF", "1ms"));
			Path job = demoJob(null);

			// a map property (spring.mail.properties.*) binds from a listable source only, which the fake
			// environment is not: set the read timeout as an application property (the default waits 30 s)
			int exitCode = execute(Map.of("spring.mail.properties.mail.smtp.timeout", "300"), "run", job.toString(),
					"--week", "2026-W46", "--data-dir", this.temp.resolve("data").toString());

			assertThat(exitCode).as(this.out + this.err).isEqualTo(1);
			assertThat(this.out).contains("the server did not answer within mail.smtp.timeout")
				.contains("stays PENDING in the delivery ledger")
				.contains("  email:     failed: the SMTP server did not take it; it stays pending in the delivery "
						+ "ledger")
				.doesNotContain("did not reach delivery");
			assertThat(held).as("the server was reached").isNotEmpty();
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	private Path demoJob(String baseUrl) throws IOException {
		String demo = Files.readString(Path.of("jobs/demo.yml"));
		String job = replace(replace(demo, "window: P1D", "window: P7D"), "baseline-weeks: 4", "baseline-weeks: 1");
		if (baseUrl != null) {
			job = replace(job, "simulator: true", "base-url: " + baseUrl);
		}
		Path file = this.temp.resolve("demo.yml");
		Files.writeString(file, job);
		return file;
	}

	private static String replace(String text, String line, String replacement) {
		Matcher matcher = Pattern.compile("(?m)^(\\s*)" + Pattern.quote(line) + "$").matcher(text);
		assertThat(matcher.find()).as("jobs/demo.yml has a line '%s'", line).isTrue();
		return matcher.replaceFirst("$1" + Matcher.quoteReplacement(replacement));
	}

	private int execute(String... args) {
		return execute(Map.of(), args);
	}

	private int execute(Map<String, Object> properties, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CliEnvironment cli = new CliEnvironment(this.clock, this.environment::get,
				new SpringReportOperations(this.clock, this.environment::get, false, properties),
				new EmbeddedSimulatorLauncher(),
				Path.of("jobs"), new CommandOutput(new PrintWriter(out), new PrintWriter(err)));
		int exitCode = Main.execute(cli, args);
		this.out = out.toString();
		this.err = err.toString();
		return exitCode;
	}

	private static long count(Path file, String text) throws IOException {
		return Files.readAllLines(file).stream().filter((line) -> line.contains(text)).count();
	}

	/** The duration at the end of a step's line ("2.5s"), to compare the rest of the line exactly. */
	private static String seconds(String err, int line) {
		String text = err.lines().toList().get(line);
		return text.substring(text.lastIndexOf(' ') + 1);
	}

}
