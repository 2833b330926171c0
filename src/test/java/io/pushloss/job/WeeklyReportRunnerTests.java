package io.pushloss.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

import org.h2.engine.SysProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.pushloss.TestForks;
import io.pushloss.api.LossQuery;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.ingest.FakePushLossApi;
import io.pushloss.ingest.FetchLossWindowsStepConfiguration;
import io.pushloss.ingest.PushLossApiProvider;
import io.pushloss.ingest.TestJobs;
import io.pushloss.ingest.WindowPlanner;
import io.pushloss.jobdef.BaselineDetail;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.store.FetchWindow;
import io.pushloss.store.LossStore;
import io.pushloss.store.StoredRows;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job against a fake API, with the H2 file database in a temporary data directory. The tests share one
 * context and database; each uses its own job name and SDKAppID.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
// the context's database lives in this class's temporary folder: closed with the class, before the folder is deleted
// (H2's lock-file watchdog would otherwise write into it while JUnit deletes it)
@DirtiesContext
class WeeklyReportRunnerTests {

	private static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("pushloss.data-dir", () -> dataDir.toString());
	}

	@Autowired
	private WeeklyReportRunner runner;

	@Autowired
	private FakePushLossApi api;

	@Autowired
	private LossStore store;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JobRepository jobRepository;

	@BeforeEach
	void resetApi() {
		this.api.reset();
	}

	@Test
	void storesWhatTheApiAnsweredAndASecondRunOfTheWeekMakesNoCalls(CapturedOutput output) throws IOException {
		JobDefinition job = TestJobs.job("totals", 1001, "UTC", Period.ofDays(1), 1, true, TestJobs.tasks(6));

		RunOutcome first = this.runner.run(job, W46, false);

		assertThat(first.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		// the week's 7 days and its baseline week in one window, x (overall + 2 task groups + normal)
		assertThat(first.windowsPlanned()).isEqualTo(32);
		assertThat(first.windowsFetched()).isEqualTo(32);
		assertThat(first.calls()).isEqualTo(32);
		assertThat(this.api.calls()).isEqualTo(32);
		assertThat(storedRows(job, W46)).containsExactlyInAnyOrderElementsOf(expectedRows(job, W46, 0));
		assertThat(output).as("a line per window goes to the log file only").doesNotContain("32/32 windows");
		assertThat(Files.readString(TestForks.directory().resolve("test-logs/push-loss-report.log")))
			.contains("week 2026-W46: 32/32 windows, 32 calls (0 retried), 0 windows retried");
		assertThat(dataDir.resolve("db/pushloss.mv.db")).exists();
		assertThat(SysProperties.BIND_ADDRESS).as("H2 read the loopback bind address")
			.isEqualTo("127.0.0.1");
		assertThat(autoServerAddress()).startsWith("localhost:");

		RunOutcome second = this.runner.run(job, W46, false);

		assertThat(second.status()).isEqualTo(RunOutcome.Status.ALREADY_COMPLETE);
		assertThat(second.message()).startsWith("2026-W46 already completed at ")
			.endsWith(" UTC: nothing to do, 0 API calls; use backfill --force to refresh");
		assertThat(this.api.calls()).isEqualTo(32);

		RunOutcome nextWeek = this.runner.run(job, W46.plusWeeks(1), false);

		assertThat(nextWeek.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(nextWeek.windowsPlanned()).as("W46 as a baseline week in one window, W47 daily").isEqualTo(32);
		assertThat(nextWeek.calls()).as("only the new week is fetched: W46 is stored daily").isEqualTo(28);
		assertThat(RunContext.summarize(this.jobRepository.getJobExecution(nextWeek.executionId())).partial())
			.as("W46, stored daily, is summed as stored: complete").isFalse();
		assertThat(this.api.queries().subList(32, 60))
			.allSatisfy((query) -> assertThat(query.startTime()).isGreaterThanOrEqualTo(
					W46.plusWeeks(1).start(job.zone()).toEpochSecond()));
	}

	@Test
	void aRunThatFailedContinuesFromTheWindowInFlightAndStoresWhatAnUninterruptedRunWould() {
		JobDefinition job = TestJobs.job("restart", 1002, "Europe/Berlin", Period.ofDays(1), 1, false,
				TestJobs.tasks(3));
		this.api.failOnCall(5);

		RunOutcome failed = this.runner.run(job, W46, false);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.windowsFetched()).isEqualTo(4);
		assertThat(failed.calls()).isEqualTo(5);
		assertThat(failed.message()).startsWith("all_member_push_loss kept answering ErrorCode 70398")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		JobExecution failedExecution = this.jobRepository.getJobExecution(failed.executionId());
		assertThat(failedExecution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failedExecution.getExitStatus().getExitDescription()).isEqualTo(failed.message());
		assertThat(fetchStep(failedExecution).getExitStatus().getExitDescription()).isEqualTo(failed.message());
		LossQuery inFlight = this.api.queries().get(4);

		RunOutcome resumed = this.runner.run(job, W46, false);

		assertThat(resumed.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(this.jobRepository.getJobExecution(resumed.executionId()).getJobInstanceId())
			.isEqualTo(failedExecution.getJobInstanceId());
		assertThat(resumed.calls()).as("16 windows, 4 committed before the failure").isEqualTo(12);
		assertThat(this.api.queries().get(5)).isEqualTo(inFlight);
		assertThat(RunContext.fetchCounts(fetchStep(this.jobRepository.getJobExecution(resumed.executionId()))).retries()).isEqualTo(1);
		assertThat(storedRows(job, W46)).containsExactlyInAnyOrderElementsOf(expectedRows(job, W46, 0));
	}

	@Test
	void aFatalErrorFailsTheRunWithTheOperatorMessage() {
		JobDefinition job = TestJobs.job("fatal", 1003, "UTC", Period.ofDays(7), 1, true, List.of());
		String message = "all_member_push_loss refused the administrator's UserSig (ErrorCode 70009): "
				+ "check the secret key in PUSHLOSS_SECRET_KEY";
		this.api.failFatally(message);

		RunOutcome failed = this.runner.run(job, W46, false);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.message()).isEqualTo(message);
		assertThat(failed.calls()).isEqualTo(1);
		assertThat(this.jobRepository.getJobExecution(failed.executionId()).getExitStatus().getExitDescription())
			.isEqualTo(message);
		assertThat(StoredRows.count(this.dataSource, 1003, 0, Long.MAX_VALUE)).isZero();

		this.api.failFatally(null);
		RunOutcome fixed = this.runner.restart(job, W46);

		assertThat(fixed.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(fixed.windowsFetched()).isEqualTo(4);
	}

	@Test
	void aForcedRunIsANewInstanceThatRefetchesAndContinuesAfterAFailure() {
		JobDefinition job = TestJobs.job("force", 1004, "UTC", Period.ofDays(7), 1, true, TestJobs.tasks(2));
		RunOutcome original = this.runner.run(job, W46, false);
		assertThat(original.calls()).isEqualTo(6);
		this.api.setGeneration(1);

		RunOutcome refreshed = this.runner.run(job, W46, true);

		assertThat(refreshed.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(refreshed.calls()).isEqualTo(6);
		assertThat(instanceOf(refreshed)).isNotEqualTo(instanceOf(original));
		assertThat(storedRows(job, W46)).containsExactlyInAnyOrderElementsOf(expectedRows(job, W46, 1));

		this.api.setGeneration(2);
		this.api.failOnCall(2);
		RunOutcome interrupted = this.runner.run(job, W46, true);
		RunOutcome continued = this.runner.run(job, W46, false);

		assertThat(interrupted.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(continued.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(instanceOf(continued)).isEqualTo(instanceOf(interrupted));
		assertThat(continued.calls()).as("the window in flight and the ones after it").isEqualTo(5);
		assertThat(storedRows(job, W46)).containsExactlyInAnyOrderElementsOf(expectedRows(job, W46, 2));
		assertThat(this.runner.run(job, W46, false).status()).isEqualTo(RunOutcome.Status.ALREADY_COMPLETE);
	}

	@Test
	void aWindowThatCannotBeStoredLeavesItsEarlierRowsInPlace() {
		JobDefinition job = TestJobs.job("rollback", 1006, "UTC", Period.ofDays(7), 1, false, TestJobs.tasks(1));
		this.runner.run(job, W46, false);
		List<String> before = storedRows(job, W46);
		this.api.setGeneration(1);
		this.api.answerOversizedCodeOnCall(2);

		RunOutcome failed = this.runner.run(job, W46, true);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.message()).contains("ERR_CODE").doesNotContain("\tat ");
		List<String> after = storedRows(job, W46);
		// Call 1 (the oldest week's overall window) committed the new generation; call 2 failed in the store, so
		// its window and every later one keep the rows stored before.
		String first = window(WindowPlanner.plan(job, W46).get(0));
		List<String> expected = new ArrayList<>(expectedRows(job, W46, 1).stream()
			.filter((row) -> row.startsWith(first))
			.toList());
		expected.addAll(before.stream().filter((row) -> !row.startsWith(first)).toList());
		assertThat(after).as("the first window refreshed, the failed one and the rest rolled back")
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void dailyBaselineDetailFetchesBaselineWeeksByDayAndKeepsWeeksStoredWeeklyComplete() throws IOException {
		JobDefinition weekly = TestJobs.job("baseline-detail", 1008, "UTC", Period.ofDays(1), 1, true,
				TestJobs.tasks(6));
		JobDefinition daily = weekly.withBaselineDetail(BaselineDetail.DAILY);
		assertThat(this.runner.run(weekly, W46, false).calls())
			.as("W45 weekly, W46 daily, x (overall + 2 task groups + normal)").isEqualTo(4 + 28);

		// the job now asks for daily detail: W45, stored weekly as a baseline week, is not fetched again by day
		RunOutcome w45 = this.runner.run(daily, W46.minusWeeks(1), false);

		assertThat(w45.status()).as(w45.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(w45.windowsPlanned()).as("W44 and W45, both by day").isEqualTo(2 * 28);
		assertThat(w45.calls()).as("only W44, its new baseline week, by day").isEqualTo(28);
		assertThat(RunContext.summarize(this.jobRepository.getJobExecution(w45.executionId())).partial())
			.as("W45, stored weekly, is summed as stored: complete").isFalse();
		assertThat(this.api.queries().subList(32, 60)).allSatisfy((query) -> {
			assertThat(query.endTime() - query.startTime()).isEqualTo(86_400);
			assertThat(query.endTime()).isLessThanOrEqualTo(W46.minusWeeks(1).start(weekly.zone()).toEpochSecond());
		});

		// the next week: W46 (its baseline) is stored daily already, W47 is new
		RunOutcome w47 = this.runner.run(daily, W46.plusWeeks(1), false);

		assertThat(w47.calls()).as("only W47").isEqualTo(28);
		assertThat(RunContext.summarize(this.jobRepository.getJobExecution(w47.executionId())).partial()).isFalse();
		IsoWeek w44 = W46.minusWeeks(2);
		long w44Start = w44.start(weekly.zone()).toEpochSecond();
		assertThat(storedRows(weekly, w44)).as("W44 (nothing stored before it) holds by day what the vendor said")
			.containsExactlyInAnyOrderElementsOf(expectedRows(daily, w44, 0).stream()
				.filter((row) -> Long.parseLong(row.split("\\|")[2]) >= w44Start)
				.toList());
	}

	private static String window(FetchWindow window) {
		return String.join("|", window.source().name(), "", String.valueOf(window.start()),
				String.valueOf(window.end())) + "|";
	}

	@Test
	void recoversARunLeftMarkedRunningByADeadProcess() {
		JobDefinition job = TestJobs.job("stale", 1005, "UTC", Period.ofDays(7), 1, false, List.of());
		assertThat(this.runner.restart(job, W46).status()).isEqualTo(RunOutcome.Status.NOTHING_TO_RESTART);
		JobExecution dead = deadExecution(job, W46);

		RunOutcome recovered = this.runner.run(job, W46, false);

		assertThat(recovered.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(recovered.calls()).isEqualTo(2);
		assertThat(this.jobRepository.getJobExecution(recovered.executionId()).getJobInstanceId())
			.as("the dead run's instance is continued").isEqualTo(dead.getJobInstanceId());
		assertThat(this.jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
	}

	@Test
	void leavesAWeekAloneWhileAnotherProcessHoldsItsLock() {
		JobDefinition job = TestJobs.job("locked", 1007, "UTC", Period.ofDays(7), 1, false, List.of());
		JobExecution running = deadExecution(job, W46);
		WeekLocks otherNode = new WeekLocks(this.dataSource, new WeekLockProperties(Duration.ofSeconds(30)),
				new WeekLockHolder("node-b", 4242, "beef"), "node-b");
		RunOutcome refused;
		RunOutcome refusedRestart;
		try (WeekLocks.Held held = otherNode.tryAcquire(job.name(), W46, WeekLocks.LockWait.NONE).orElseThrow()) {
			refused = this.runner.run(job, W46, false);
			refusedRestart = this.runner.restart(job, W46);
		}
		finally {
			otherNode.destroy();
		}

		assertThat(refused.status()).isEqualTo(RunOutcome.Status.ALREADY_RUNNING);
		assertThat(refused.message()).isEqualTo(
				"Week 2026-W46 of job 'locked' is being run by node node-b / pid 4242; wait for it to end");
		assertThat(refusedRestart.status()).isEqualTo(RunOutcome.Status.ALREADY_RUNNING);
		assertThat(this.jobRepository.getJobExecution(running.getId()).getStatus())
			.as("a live run is not recovered under its feet").isEqualTo(BatchStatus.STARTED);
		assertThat(this.api.calls()).isZero();

		assertThat(this.runner.run(job, W46, false).status()).isEqualTo(RunOutcome.Status.COMPLETED);
	}

	/** An execution marked STARTED, as a process killed while running leaves it. */
	private JobExecution deadExecution(JobDefinition job, IsoWeek week) {
		JobParameters parameters = WeeklyReportParameters.of(job, week).toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance(WeeklyReportJobConfiguration.JOB_NAME,
				parameters);
		JobExecution dead = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		dead.setStatus(BatchStatus.STARTED);
		dead.setStartTime(LocalDateTime.now());
		this.jobRepository.update(dead);
		return dead;
	}

	// H2 writes where its AUTO_SERVER listens into the lock file, for the other processes to find it.
	private static String autoServerAddress() throws IOException {
		Properties lock = new Properties();
		try (InputStream in = Files.newInputStream(dataDir.resolve("db/pushloss.lock.db"))) {
			lock.load(in);
		}
		return lock.getProperty("server");
	}

	private long instanceOf(RunOutcome outcome) {
		return this.jobRepository.getJobExecution(outcome.executionId()).getJobInstanceId();
	}

	private static StepExecution fetchStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(FetchLossWindowsStepConfiguration.STEP_NAME))
			.findFirst()
			.orElseThrow();
	}

	private List<String> storedRows(JobDefinition job, IsoWeek week) {
		List<FetchWindow> plan = WindowPlanner.plan(job, week);
		List<String> rows = new ArrayList<>();
		StoredRows.stream(this.dataSource, job.api().sdkAppId(), plan.get(0).start(), plan.get(plan.size() - 1).end(),
				(row) -> rows.add(String.join("|", row.source().name(), row.taskId(),
						String.valueOf(row.windowStart().getEpochSecond()),
						String.valueOf(row.windowEnd().getEpochSecond()), row.stage().name(),
						row.eventType().name(), String.valueOf(row.vendor()), row.errCode(),
						String.valueOf(row.errCount()), row.errInfo())));
		return rows;
	}

	private static List<String> expectedRows(JobDefinition job, IsoWeek week, int generation) {
		List<String> rows = new ArrayList<>();
		for (FetchWindow window : WindowPlanner.plan(job, week)) {
			for (LossRow row : FakePushLossApi.rows(window.toQuery(), generation)) {
				rows.add(String.join("|", window.source().name(), row.taskId(), String.valueOf(window.start()),
						String.valueOf(window.end()), row.stage().name(), row.eventType().name(),
						String.valueOf(row.vendor()), row.errCode(), String.valueOf(row.errCount()), row.errInfo()));
			}
		}
		return rows;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FakeApiConfiguration {

		@Bean
		FakePushLossApi fakePushLossApi() {
			return new FakePushLossApi();
		}

		@Bean
		@Primary
		PushLossApiProvider fakePushLossApiProvider(FakePushLossApi api) {
			return (job) -> api;
		}

	}

}
