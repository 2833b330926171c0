package io.pushloss.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import io.pushloss.TestForks;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.Region;
import io.pushloss.ingest.FetchProgressListener;
import io.pushloss.ingest.VendorApiProvider;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.store.LossStore;

/**
 * The whole weekly job against the embedded simulator and a real SMTP server (GreenMail on a loopback port). Every
 * subclass shares this configuration and so one Spring context, one data directory and one GreenMail; each test
 * uses its own job names and SDKAppIDs, which keeps stores, ledgers, documents and runs apart.
 */
// The simulators accept more than the clients send, so that no call is ever refused with 60007 when arrivals bunch
// up on a busy machine: the tests count calls exactly.
@SpringBootTest(properties = { "pushloss.api.calls-per-second=50", "pushloss.api.simulator-calls-per-second=1000",
		"pushloss.api.max-attempts=2",
		"pushloss.api.initial-backoff=1ms", "pushloss.api.max-backoff=5ms",
		"pushloss.delivery.retry.max-attempts=2", "pushloss.delivery.retry.initial-backoff=1ms",
		"pushloss.delivery.retry.max-backoff=5ms", "pushloss.delivery.from=push-loss-report@pushloss.example",
		"spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.connectiontimeout=5000",
		"spring.mail.properties.mail.smtp.timeout=5000",
		// logging starts before the data directory is known: keep the log out of the working directory's ./data
		"logging.file.name=" + TestForks.DIRECTORY_PLACEHOLDER + "/test-logs/whole-job.log",
		WholeJobTestBase.WRONG_KEY_ENV + "=" + WholeJobTestBase.WRONG_SECRET_KEY })
@Import(WholeJobTestBase.FaultSwitchConfiguration.class)
abstract class WholeJobTestBase {

	static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final List<String> DEMO_TASKS = List.of("spring-sale", "app-update", "weekly-digest", "re-engagement",
			"onboarding", "holiday-promo");

	/** A variable holding a key that is not the one the tests' external simulator verifies with. */
	static final String WRONG_KEY_ENV = "E2E_WRONG_SECRET_KEY";

	static final String WRONG_SECRET_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	/** Outlives the test classes: the cached context keeps its database open in it until the JVM ends. */
	static final Path dataDir;

	static final int smtpPort = freeLoopbackPort();

	static final GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		try {
			dataDir = Files.createTempDirectory("pushloss-e2e-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dataDir.toFile())));
		greenMail.start();
	}

	@DynamicPropertySource
	static void dataDirAndSmtpPort(DynamicPropertyRegistry registry) {
		registry.add("pushloss.data-dir", dataDir::toString);
		registry.add("spring.mail.port", () -> smtpPort);
	}

	@Autowired
	WeeklyReportRunner runner;

	@Autowired
	VendorApiProvider apiProvider;

	@Autowired
	LossStore store;

	@Autowired
	DataSource dataSource;

	@Autowired
	FaultSwitch faultSwitch;

	/**
	 * A job like jobs/demo.yml: embedded simulator with seed 42, zone Asia/Shanghai, recipients to, cc and bcc,
	 * one owner, the archive in the data directory.
	 */
	static JobDefinition simulatorJob(String name, long appId, Period window, int baselineWeeks, boolean normal,
			List<String> tasks) {
		return job(name, new JobDefinition.ApiSettings(null, null, appId, "administrator", "TIM_SECRET_KEY", true, 42),
				window, baselineWeeks, normal, tasks);
	}

	/** A job that calls the vendor API at an explicit base URL with the key in {@code secretKeyEnv}. */
	static JobDefinition baseUrlJob(String name, String baseUrl, long appId, String secretKeyEnv) {
		return job(name, new JobDefinition.ApiSettings((Region) null, baseUrl, appId, "administrator", secretKeyEnv,
				false, 0), Period.ofDays(7), 1, true, List.of());
	}

	private static JobDefinition job(String name, JobDefinition.ApiSettings api, Period window, int baselineWeeks,
			boolean normal, List<String> tasks) {
		return new JobDefinition(name, SHANGHAI, "0 0 9 ? * MON", api, new JobDefinition.Sources(normal, tasks), window,
				baselineWeeks,
				new JobDefinition.Recipients(List.of("pm@example.com"), List.of("push-team@example.com"),
						List.of("audit@example.com")),
				List.of("oncall@example.com"), new JobDefinition.ArchiveSettings(null, null), null);
	}

	/** The embedded simulator serving a job (started by its first call). */
	PushLossSimulator simulator(JobDefinition job) {
		PushLossSimulator simulator = this.apiProvider.simulatorFor(job);
		if (simulator == null) {
			throw new AssertionError("no simulator was started for job " + job.name());
		}
		return simulator;
	}

	/** Calls the job's simulator received so far; 0 before its first call. */
	long simulatorCalls(JobDefinition job) {
		PushLossSimulator simulator = this.apiProvider.simulatorFor(job);
		return (simulator != null) ? simulator.calls() : 0;
	}

	/** {@code <data-dir>/reports/<job>/<week>/}. */
	static Path reportFolder(JobDefinition job, IsoWeek week) {
		return dataDir.resolve("reports").resolve(job.name()).resolve(week.toString());
	}

	/** Every copy GreenMail received (one per recipient) whose subject starts with {@code [<job>]}. */
	static List<MimeMessage> received(JobDefinition job) {
		return List.of(greenMail.getReceivedMessages())
			.stream()
			.filter((message) -> subject(message).startsWith("[" + job.name() + "] "))
			.toList();
	}

	static String subject(MimeMessage message) {
		try {
			String subject = message.getSubject();
			return (subject != null) ? subject : "";
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Acts once after a job's fetch step has stored a number of windows (for example turns faults on), in the
	 * step's thread between two chunks.
	 */
	static final class FaultSwitch implements FetchProgressListener {

		private volatile String job;

		private volatile int afterWindows;

		private volatile Consumer<Progress> action;

		void afterWindows(JobDefinition job, int windows, Consumer<Progress> action) {
			this.job = job.name();
			this.afterWindows = windows;
			this.action = action;
		}

		@Override
		public void progress(Progress progress) {
			Consumer<Progress> pending = this.action;
			if (pending != null && progress.job().equals(this.job) && progress.windowsDone() >= this.afterWindows) {
				this.action = null;
				pending.accept(progress);
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FaultSwitchConfiguration {

		@Bean
		FaultSwitch faultSwitch() {
			return new FaultSwitch();
		}

	}

}
