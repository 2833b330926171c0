package io.pushloss.scheduling;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.ingest.TestJobs;
import io.pushloss.job.InterruptedRuns.InterruptedRun;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes starting at the same moment register the same schedules and resumptions in one clustered Quartz job
 * store on PostgreSQL: none fails, each schedule and resumption is stored once, and the jobs request recovery. Its
 * log names each next fire time in the job's zone.
 */
class ReportScheduleRegistrarTests {

	private static final int NODES = 3;

	private static final int ROUNDS = 6;

	@Test
	void nodesRegisteringTheSameSchedulesAtOnceStoreEachOnce() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			DataSource dataSource = database.migratedDataSource();
			List<JobDefinition> jobs = List.of(
					TestJobs.job("alpha", 1501, "UTC", Period.ofDays(7), 1, true, List.of()),
					TestJobs.job("beta", 1502, "Asia/Shanghai", Period.ofDays(7), 1, true, List.of()));
			InterruptedRun interrupted = new InterruptedRun("alpha", io.pushloss.domain.IsoWeek.parse("2026-W46"), 7,
					BatchStatus.STARTED, Instant.parse("2026-11-18T02:00:00Z"));
			List<SchedulerFactoryBean> factories = new ArrayList<>();
			ExecutorService pool = Executors.newFixedThreadPool(NODES);
			try {
				for (int i = 0; i < NODES; i++) {
					factories.add(scheduler(dataSource, "node-" + i));
				}
				for (int round = 0; round < ROUNDS; round++) {
					CyclicBarrier start = new CyclicBarrier(NODES);
					List<Callable<Void>> registrations = new ArrayList<>();
					for (SchedulerFactoryBean factory : factories) {
						ReportScheduleRegistrar registrar = new ReportScheduleRegistrar(factory.getObject(),
								new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
						registrations.add(() -> {
							start.await();
							registrar.register(jobs);
							registrar.scheduleResume(jobs.get(0), interrupted, Instant.parse("2099-01-01T00:00:00Z"));
							return null;
						});
					}
					for (Future<Void> registration : pool.invokeAll(registrations)) {
						registration.get(); // rethrows what a node's registration threw
					}
				}

				Scheduler scheduler = factories.get(0).getObject();
				assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ReportScheduleRegistrar.GROUP)))
					.extracting(JobKey::getName)
					.containsExactlyInAnyOrder("alpha", "beta");
				for (JobDefinition job : jobs) {
					JobDetail detail = scheduler.getJobDetail(JobKey.jobKey(job.name(), ReportScheduleRegistrar.GROUP));
					assertThat(detail.requestsRecovery()).as("a firing whose node dies is fired again").isTrue();
					assertThat(scheduler.getTriggersOfJob(detail.getKey())).extracting((trigger) -> trigger.getKey())
						.contains(TriggerKey.triggerKey(job.name(), ReportScheduleRegistrar.GROUP));
				}
				assertThat(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ReportScheduleRegistrar.GROUP)))
					.hasSize(2);
				assertThat(scheduler
					.getTriggerKeys(GroupMatcher.triggerGroupEquals(ReportScheduleRegistrar.RESUME_GROUP)))
					.hasSize(1);
			}
			finally {
				pool.shutdownNow();
				for (SchedulerFactoryBean factory : factories) {
					factory.destroy();
				}
			}
		}
	}

	/** A clustered Quartz scheduler on the database, not started (registration does not need it running). */
	private static SchedulerFactoryBean scheduler(DataSource dataSource, String name) throws Exception {
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setSchedulerName("registrar-tests");
		factory.setBeanName(name);
		factory.setAutoStartup(false);
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceId", name);
		properties.setProperty("org.quartz.jobStore.driverDelegateClass", ClusteredQuartzCustomizer.POSTGRESQL_DELEGATE);
		properties.setProperty("org.quartz.jobStore.isClustered", "true");
		properties.setProperty("org.quartz.jobStore.useProperties", "true");
		properties.setProperty("org.quartz.threadPool.threadCount", "1");
		factory.setQuartzProperties(properties);
		factory.afterPropertiesSet();
		return factory;
	}

	@Test
	void logsAFireTimeInTheJobsZoneWithItsNameAndTheInstant() {
		assertThat(ReportScheduleRegistrar.when(Date.from(Instant.parse("2026-12-07T01:00:00Z")),
				ZoneId.of("Asia/Shanghai")))
			.isEqualTo("2026-12-07 09:00 Asia/Shanghai (2026-12-07T01:00:00Z)");
		assertThat(ReportScheduleRegistrar.when(null, ZoneId.of("UTC"))).isEqualTo("never");
	}

}
