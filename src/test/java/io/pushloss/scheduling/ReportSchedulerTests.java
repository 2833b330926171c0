package io.pushloss.scheduling;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FetchLossWindowsStepConfiguration;
import io.pushloss.ingest.PushLossApiProvider;
import io.pushloss.ingest.TestJobs;
import io.pushloss.job.GracefulStop;
import io.pushloss.job.RunContext;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quartz with its JDBC store in the H2 file database, firing the whole job against a fake API whose calls can be
 * held. The scheduler starts once per context: the misfire test comes first because a misfire found at start-up
 * is what it is about.
 */
// A short misfire threshold: when another test started the scheduler first, the misfire of the first test is found
// by Quartz's misfire handler, which looks once per threshold, instead of at start-up.
@SpringBootTest(properties = { "spring.quartz.scheduler-name=report-scheduler-tests",
		"pushloss.shutdown.timeout=30s", "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=5000" })
// the context's database lives in this class's temporary folder: closed with the class, before the folder is deleted
// (a cached context would keep H2's files open, and its lock-file watchdog writing, while JUnit deletes them)
@DirtiesContext
class ReportSchedulerTests {

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("pushloss.data-dir", () -> dataDir.toString());
	}

	@Autowired
	private ReportScheduler reportScheduler;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private GatedApi api;

	@Autowired
	private RunHistory history;

	@Autowired
	private WeeklyReportRunner runner;

	@Autowired
	private GracefulStop gracefulStop;

	@Autowired
	private JobRepository jobRepository;

	@Test
	void aScheduleMissedForThreeWeeksFiresOnceOnStartUpForTheLastCompleteWeek() throws Exception {
		JobDefinition job = TestJobs.job("misfire", 3001, "Pacific/Auckland", Period.ofDays(7), 1, false, List.of());
		// A process that is down fires nothing (whether or not another test of this class started the scheduler).
		this.scheduler.standby();
		// What a process that scheduled the job three weeks ago, and has been down since, left in the job store.
		JobKey jobKey = JobKey.jobKey(job.name(), ReportScheduleRegistrar.GROUP);
		Trigger stored = TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP))
			.forJob(jobKey)
			.startAt(Date.from(Instant.now().minus(Duration.ofDays(21))))
			.withSchedule(CronScheduleBuilder.cronSchedule(job.schedule())
				.inTimeZone(TimeZone.getTimeZone(job.zone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		this.scheduler.scheduleJob(JobBuilder.newJob(ScheduledReportJob.class)
			.withIdentity(jobKey)
			.usingJobData(ScheduledReportJob.JOB_NAME, job.name())
			.storeDurably()
			.build(), stored);
		assertThat(this.scheduler.isInStandbyMode()).isTrue();
		assertThat(this.scheduler.getTrigger(stored.getKey()).getNextFireTime().toInstant())
			.as("missed by more than the misfire threshold")
			.isBefore(Instant.now().minus(Duration.ofDays(13)));
		Firings firings = listen();

		ReportScheduler.Schedule schedule = this.reportScheduler.start(List.of(job));

		await().atMost(PATIENCE).until(() -> firings.ended().size() == 1);
		Instant nextMonday = ZonedDateTime.now(job.zone())
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.withHour(7)
			.withMinute(0)
			.withSecond(0)
			.withNano(0)
			.toInstant();
		Instant nextFire = this.scheduler.getTrigger(stored.getKey()).getNextFireTime().toInstant();
		assertThat(nextFire).as("the missed weeks are not fired one by one: the next firing is the next Monday")
			.isAfter(Instant.now())
			.isIn(nextMonday, nextMonday.minus(Duration.ofDays(7)));
		assertThat(firings.ended()).hasSize(1);
		assertThat(schedule.jobs()).singleElement()
			.satisfies((scheduled) -> assertThat(scheduled.zone()).isEqualTo(job.zone()));
		List<RunSummary> runs = this.history.recent(job.name(), 10);
		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
			assertThat(run.week()).isEqualTo(IsoWeek.lastComplete(job.zone(), Clock.systemUTC()));
		});
	}

	@Test
	void twoFiringsOfTheSameJobNeverOverlapAndTheSecondFindsTheWeekComplete() throws Exception {
		JobDefinition job = TestJobs.job("overlap", 3002, "Pacific/Auckland", Period.ofDays(7), 1, false,
				List.of());
		this.reportScheduler.start(List.of(job));
		Firings firings = listen();
		this.api.holdFrom(1);
		JobKey jobKey = JobKey.jobKey(job.name(), ReportScheduleRegistrar.GROUP);
		Date now = new Date();
		for (String name : new String[] { "first", "second" }) {
			this.scheduler.scheduleJob(TriggerBuilder.newTrigger()
				.withIdentity(name, "overlap-test")
				.forJob(jobKey)
				.startAt(now)
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build());
		}

		// One firing holds the API; the other trigger of the job is then blocked, not fired alongside.
		await().atMost(PATIENCE).until(() -> this.api.waiting() == 1 && firings.started().size() == 1);
		String other = firings.started().get(0).trigger().equals("first") ? "second" : "first";
		await().atMost(PATIENCE)
			.until(() -> this.scheduler.getTriggerState(TriggerKey.triggerKey(other, "overlap-test"))
					== Trigger.TriggerState.BLOCKED);
		this.api.open();
		await().atMost(PATIENCE).until(() -> firings.ended().size() == 2);

		List<Firing> ended = firings.ended();
		assertThat(ended.get(0).endNanos()).as("the second firing starts after the first ended")
			.isLessThanOrEqualTo(ended.get(1).startNanos());
		assertThat(ended.get(1).trigger()).isEqualTo(other);
		assertThat(this.history.recent(job.name(), 10)).as("the second found the week complete and ran nothing")
			.singleElement()
			.satisfies((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED));
	}

	@Test
	void aStoppedRunCommitsItsChunkEndsStoppedAndARestartCompletesIt() throws Exception {
		// overall only: the report week's 7 days and the baseline week in one window, 8 windows, one per chunk
		JobDefinition job = TestJobs.job("graceful", 3003, "UTC", Period.ofDays(1), 1, false, List.of());
		IsoWeek week = IsoWeek.lastComplete(job.zone(), Clock.systemUTC());
		int callsBefore = this.api.calls();
		this.api.holdFrom(4);
		CompletableFuture<RunOutcome> running = CompletableFuture
			.supplyAsync(() -> this.runner.run(job, week, RunOptions.DEFAULT));
		await().atMost(PATIENCE).until(() -> this.api.waiting() == 1);

		List<Long> asked = this.gracefulStop.requestStop();
		this.api.open();
		assertThat(this.gracefulStop.awaitIdle(PATIENCE)).isTrue();
		RunOutcome stopped = running.get();

		assertThat(asked).containsExactly(stopped.executionId());
		assertThat(stopped.status()).isEqualTo(RunOutcome.Status.STOPPED);
		JobExecution execution = this.jobRepository.getJobExecution(stopped.executionId());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		StepExecution fetch = fetchStep(execution);
		assertThat(fetch.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(RunContext.fetchCounts(fetch).windowsFetched())
			.as("the chunk in flight when the stop came committed, then the step stopped")
			.isEqualTo(4);

		RunOutcome resumed = this.runner.run(job, week, RunOptions.DEFAULT);

		assertThat(resumed.status()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(this.jobRepository.getJobExecution(resumed.executionId()).getJobInstanceId())
			.isEqualTo(execution.getJobInstanceId());
		assertThat(resumed.windowsFetched()).as("the other 4 windows").isEqualTo(4);
		assertThat(this.api.calls() - callsBefore).as("no window fetched twice").isEqualTo(8);
	}

	private Firings listen() throws Exception {
		Firings firings = new Firings();
		this.scheduler.getListenerManager()
			.addJobListener(firings, GroupMatcher.jobGroupEquals(ReportScheduleRegistrar.GROUP));
		return firings;
	}

	private static StepExecution fetchStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(FetchLossWindowsStepConfiguration.STEP_NAME))
			.findFirst()
			.orElseThrow();
	}

	/** One firing of a Quartz job: its trigger and when the job began and ended. */
	record Firing(String trigger, long startNanos, long endNanos) {
	}

	/** Records firings as the scheduler's worker threads report them. */
	static final class Firings implements JobListener {

		private final List<Firing> started = new ArrayList<>();

		private final List<Firing> ended = new ArrayList<>();

		@Override
		public String getName() {
			return "firings-" + System.identityHashCode(this);
		}

		@Override
		public synchronized void jobToBeExecuted(JobExecutionContext context) {
			this.started.add(new Firing(context.getTrigger().getKey().getName(), System.nanoTime(), 0));
		}

		@Override
		public void jobExecutionVetoed(JobExecutionContext context) {
		}

		@Override
		public synchronized void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
			String trigger = context.getTrigger().getKey().getName();
			long start = this.started.stream()
				.filter((firing) -> firing.trigger().equals(trigger))
				.mapToLong(Firing::startNanos)
				.max()
				.orElseThrow();
			this.ended.add(new Firing(trigger, start, System.nanoTime()));
		}

		synchronized List<Firing> started() {
			return List.copyOf(this.started);
		}

		synchronized List<Firing> ended() {
			return List.copyOf(this.ended);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GatedApiConfiguration {

		@Bean
		GatedApi gatedApi() {
			return new GatedApi();
		}

		@Bean
		@Primary
		PushLossApiProvider gatedApiProvider(GatedApi api) {
			return (job) -> api;
		}

	}

}
