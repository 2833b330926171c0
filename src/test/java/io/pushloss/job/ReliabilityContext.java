package io.pushloss.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.pushloss.PushLossReportApplication;
import io.pushloss.TestForks;
import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.VendorApiProvider;
import io.pushloss.jobdef.JobDefinition;

/**
 * The application context the reliability tests share (one context for all of them, so it starts once): the real
 * job with its real vendor client against embedded simulators (one per job, same seed, so the same data), a fixed
 * clock, tiny API backoffs and a read timeout of 2 s (short, yet longer than any answer takes on a loaded machine),
 * SMTP through a {@link FlakySmtpProxy} in front of GreenMail, every {@code io.pushloss} logger at TRACE, and a known
 * secret key that is not the simulator's demo key.
 * <p>
 * Each test uses its own job names and SDKAppIDs: the store keys rows by SDKAppID and the simulators by job name.
 */
@SpringBootTest(classes = { PushLossReportApplication.class, ReliabilityContext.FixedClock.class },
		properties = { "pushloss.api.calls-per-second=50", "pushloss.api.initial-backoff=1ms",
				"pushloss.api.max-backoff=5ms", "pushloss.api.read-timeout=2s", "pushloss.api.connect-timeout=1s",
				"pushloss.delivery.retry.max-attempts=4", "pushloss.delivery.retry.initial-backoff=5ms",
				"pushloss.delivery.retry.max-backoff=20ms", "pushloss.shutdown.abort-io-after=1s", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"spring.mail.properties.mail.smtp.timeout=5000", "logging.level.io.pushloss=TRACE",
				"pushloss.data-dir=" + ReliabilityContext.DATA_DIR_NAME,
				"logging.file.name=" + ReliabilityContext.DATA_DIR_NAME + "/logs/push-loss-report.log",
				ReliabilityContext.SECRET_KEY_ENV + "=" + ReliabilityContext.SECRET_KEY })
abstract class ReliabilityContext {

	/** Wednesday of 2026-W47 in Shanghai. */
	static final Instant NOW = Instant.parse("2026-11-18T02:00:00Z");

	static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	/** The variable the jobs name; set as a property of the context, which the provider reads like the variable. */
	static final String SECRET_KEY_ENV = "RELIABILITY_SECRET_KEY";

	/** Not the simulator's demo key: what must never appear anywhere. */
	static final String SECRET_KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	static final List<String> TASKS = List.of("spring-sale", "app-update", "weekly-digest", "re-engagement",
			"onboarding", "holiday-promo");

	/**
	 * The data directory, in this test JVM's own folder ({@link TestForks#DIRECTORY_PLACEHOLDER}: each surefire fork
	 * has its own). A constant rather than a dynamic property: the log file's path ({@code ${pushloss.data-dir}/logs})
	 * is resolved before dynamic properties exist. Shared by every class on this context, which outlives any one
	 * class, so not a JUnit {@code @TempDir}.
	 */
	static final String DATA_DIR_NAME = TestForks.DIRECTORY_PLACEHOLDER + "/reliability-data";

	static final Path DATA_DIR = createDataDir();

	static final GreenMail MAIL = startMail();

	static final FlakySmtpProxy SMTP = FlakySmtpProxy.relayingTo(MAIL.getSmtp().getPort());

	@Autowired
	WeeklyReportRunner runner;

	@Autowired
	VendorApiProvider apis;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void shared(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SMTP::port);
	}

	/**
	 * A simulator job like the demo: Shanghai, six TaskIDs in two groups, normal push, one baseline week; its
	 * recipients are in {@code domain}, its owners (failure notices) in another one.
	 */
	static JobDefinition job(String name, long sdkAppId, Period window, String domain) {
		return new JobDefinition(name, ZoneId.of("Asia/Shanghai"), "0 0 9 ? * MON",
				new JobDefinition.ApiSettings(null, null, sdkAppId, "administrator", SECRET_KEY_ENV, true, 42),
				new JobDefinition.Sources(true, TASKS), window, 1,
				new JobDefinition.Recipients(List.of("pm@" + domain), List.of("team@" + domain),
						List.of("audit@" + domain)),
				List.of("oncall@" + domain.replace(".example", ".owners")), new JobDefinition.ArchiveSettings(null, null),
				null);
	}

	/** The same job, reading an explicit base URL (a simulator started by the test) instead of its own. */
	static JobDefinition atBaseUrl(JobDefinition job, String baseUrl, String secretKeyEnv) {
		JobDefinition.ApiSettings api = job.api();
		return new JobDefinition(job.name(), job.zone(), job.schedule(),
				new JobDefinition.ApiSettings(null, baseUrl, api.sdkAppId(), api.identifier(), secretKeyEnv, false, 0),
				job.sources(), job.window(), job.baselineWeeks(), job.recipients(), job.owners(), job.archive(), null);
	}

	/** The job with another archive root. */
	static JobDefinition withArchive(JobDefinition job, Path archive) {
		return new JobDefinition(job.name(), job.zone(), job.schedule(), job.api(), job.sources(), job.window(),
				job.baselineWeeks(), job.recipients(), job.owners(), new JobDefinition.ArchiveSettings(archive, null),
				null);
	}

	/** Windows the store holds for an SDKAppID (one per task of a task group). */
	int storedWindows(long sdkAppId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM fetched_window WHERE app_id = ?", Integer.class,
				sdkAppId);
	}

	/** Every stored loss row of an SDKAppID, without the SDKAppID, in key order. */
	List<String> storedRows(long sdkAppId) {
		return this.jdbc.queryForList("SELECT CONCAT_WS('|', source, task_id, window_start, window_end, stage, "
				+ "event_type, vendor, err_code, err_count, err_info) FROM loss_row WHERE app_id = ? "
				+ "ORDER BY source, task_id, window_start, stage, event_type, vendor, err_code", String.class, sdkAppId);
	}

	/** The application's log file (every level down to TRACE for io.pushloss; the console shows INFO and up). */
	static Path logFile() {
		return DATA_DIR.resolve("logs").resolve("push-loss-report.log");
	}

	/** How far the log file has been written, to read what a test adds with {@link #logSince}. */
	static long logMark() {
		try {
			return Files.exists(logFile()) ? Files.size(logFile()) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the log file received after {@code mark}. */
	static String logSince(long mark) {
		try {
			byte[] all = Files.readAllBytes(logFile());
			return new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path reports(JobDefinition job, IsoWeek week) {
		return DATA_DIR.resolve("reports").resolve(job.name()).resolve(week.toString());
	}

	static Path archive(JobDefinition job, IsoWeek week) {
		return DATA_DIR.resolve("archive").resolve(job.name()).resolve(String.valueOf(week.year()))
			.resolve(week.toString());
	}

	/** A job's summary.json with its name and SDKAppID blanked, to compare the reports of two jobs. */
	static String summaryOf(JobDefinition job, IsoWeek week) {
		try {
			return Files.readString(reports(job, week).resolve("summary.json"))
				.replace("\"jobName\" : \"" + job.name() + "\"", "\"jobName\" : \"*\"")
				.replace("\"sdkAppId\" : " + job.api().sdkAppId(), "\"sdkAppId\" : 0");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Empties what an earlier build left, once per JVM (the first class on this context). */
	private static Path createDataDir() {
		Path dir = TestForks.directory().resolve("reliability-data").toAbsolutePath();
		try {
			if (Files.exists(dir)) {
				try (Stream<Path> paths = Files.walk(dir)) {
					for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
						Files.delete(path);
					}
				}
			}
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		/** Fixed, so that the summary.json of two runs can be compared byte for byte. */
		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
