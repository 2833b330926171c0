package io.pushloss.job;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.PushLossReportApplication;
import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.FakePushLossApi;
import io.pushloss.ingest.PushLossApiProvider;
import io.pushloss.ingest.TestJobs;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs launched at the same moment on a new database, as six {@code run} processes started together or two
 * {@code serve} nodes firing together: Spring Batch creates each run's job instance and execution without a
 * serialization failure (PostgreSQL's "could not serialize access due to read/write dependencies among
 * transactions" failed one of six processes before its first call while the creation ran SERIALIZABLE), every run
 * completes, a week launched by several at once still runs once (its lock), and racing creators of one week's job
 * instance leave one instance (the job repository's unique key).
 * <p>
 * A gate in the database connection holds every launcher just before it inserts its job instance until all of them
 * have looked the instance up, so the interleaving that makes SERIALIZABLE fail happens on every run of the test,
 * not by chance.
 */
class ConcurrentLaunchTests {

	private static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	private static final int LAUNCHERS = 6;

	@TempDir
	Path dir;

	/** The databases the launches run on. */
	enum Database {

		H2, POSTGRESQL

	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void runsOfDifferentJobsLaunchedAtTheSameMomentOnANewDatabaseAllComplete(Database database) throws Exception {
		try (Application application = Application.start(database, this.dir)) {
			List<JobDefinition> jobs = IntStream.rangeClosed(1, LAUNCHERS)
				.mapToObj((i) -> TestJobs.job("launch-" + i, 2600 + i, "UTC", Period.ofDays(7), 1, false, List.of()))
				.toList();
			application.gate.hold(LAUNCHERS);

			List<RunOutcome> outcomes = application.atOnce(jobs.stream()
				.<Callable<RunOutcome>>map((job) -> () -> application.runner().run(job, W46, false))
				.toList());

			assertThat(application.gate.held()).as("every launcher had looked its instance up before any inserted it")
				.isEqualTo(LAUNCHERS);
			assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome.status()).as(outcome.message())
				.isEqualTo(RunOutcome.Status.COMPLETED));
			assertThat(application.count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(LAUNCHERS);
			assertThat(application.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'"))
				.isEqualTo(LAUNCHERS);
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void aWeekLaunchedBySeveralAtTheSameMomentRunsOnce(Database database) throws Exception {
		try (Application application = Application.start(database, this.dir)) {
			JobDefinition job = TestJobs.job("launch-once", 2610, "UTC", Period.ofDays(7), 1, false, List.of());

			List<RunOutcome> outcomes = application.atOnce(IntStream.range(0, LAUNCHERS)
				.<Callable<RunOutcome>>mapToObj((i) -> () -> application.runner().run(job, W46, false))
				.toList());

			assertThat(outcomes).extracting(RunOutcome::status)
				.containsOnlyOnce(RunOutcome.Status.COMPLETED)
				.allMatch((status) -> status == RunOutcome.Status.COMPLETED || status == RunOutcome.Status.ALREADY_RUNNING
						|| status == RunOutcome.Status.ALREADY_COMPLETE);
			int planned = outcomes.stream()
				.filter((outcome) -> outcome.status() == RunOutcome.Status.COMPLETED)
				.findFirst()
				.orElseThrow()
				.windowsPlanned();
			assertThat(application.api.calls()).as("each window fetched once").isEqualTo(planned).isPositive();
			assertThat(application.count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("one execution")
				.isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(Database.class)
	void creatorsRacingForOneWeeksJobInstanceLeaveOneInstance(Database database) throws Exception {
		try (Application application = Application.start(database, this.dir)) {
			JobDefinition job = TestJobs.job("launch-race", 2620, "UTC", Period.ofDays(7), 1, false, List.of());
			JobParameters parameters = WeeklyReportParameters.of(job, W46).toJobParameters();
			JobRepository repository = application.context.getBean(JobRepository.class);
			application.gate.hold(LAUNCHERS);

			// past the week lock, straight to the job repository: what only a process outside the lock could do
			List<Boolean> created = application.atOnce(IntStream.range(0, LAUNCHERS)
				.<Callable<Boolean>>mapToObj((i) -> () -> {
					try {
						repository.createJobInstance(WeeklyReportJobConfiguration.JOB_NAME, parameters);
						return true;
					}
					catch (DataIntegrityViolationException ex) {
						return false;
					}
				})
				.toList());

			assertThat(created).containsOnlyOnce(true);
			assertThat(application.count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(1);
		}
	}

	/** The application as a command that runs jobs starts it, on a new database, with a fake vendor API. */
	private static final class Application implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final PostgresTestDatabase postgres;

		private final InstanceInsertGate gate;

		private final FakePushLossApi api;

		private Application(ConfigurableApplicationContext context, PostgresTestDatabase postgres,
				InstanceInsertGate gate, FakePushLossApi api) {
			this.context = context;
			this.postgres = postgres;
			this.gate = gate;
			this.api = api;
		}

		static Application start(Database database, Path dir) throws SQLException {
			PostgresTestDatabase postgres = (database == Database.POSTGRESQL) ? PostgresTestDatabase.create() : null;
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("pushloss.data-dir", dir.resolve("data"));
			properties.put("logging.file.name", dir.resolve("data/logs/push-loss-report.log"));
			properties.put("spring.main.web-application-type", "none");
			if (postgres != null) {
				properties.putAll(postgres.properties());
			}
			InstanceInsertGate gate = new InstanceInsertGate();
			FakePushLossApi api = new FakePushLossApi();
			try {
				ConfigurableApplicationContext context = new SpringApplicationBuilder(PushLossReportApplication.class)
					.web(WebApplicationType.NONE)
					.logStartupInfo(false)
					.initializers((initialized) -> {
						GenericApplicationContext generic = (GenericApplicationContext) initialized;
						generic.registerBean("fakePushLossApiProvider", PushLossApiProvider.class,
								() -> (job) -> api, (definition) -> definition.setPrimary(true));
						generic.getBeanFactory().addBeanPostProcessor(gate);
					})
					.run(properties.entrySet()
						.stream()
						.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
						.toArray(String[]::new));
				return new Application(context, postgres, gate, api);
			}
			catch (RuntimeException ex) {
				if (postgres != null) {
					postgres.close();
				}
				throw ex;
			}
		}

		WeeklyReportRunner runner() {
			return this.context.getBean(WeeklyReportRunner.class);
		}

		/** Calls every task in a thread of its own, released together; rethrows what a task threw. */
		<T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
			CyclicBarrier start = new CyclicBarrier(tasks.size());
			ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
			try {
				List<Callable<T>> released = tasks.stream().<Callable<T>>map((task) -> () -> {
					start.await();
					return task.call();
				}).toList();
				List<T> results = new ArrayList<>();
				for (Future<T> result : pool.invokeAll(released)) {
					results.add(result.get());
				}
				return results;
			}
			finally {
				pool.shutdownNow();
			}
		}

		int count(String sql) {
			return new JdbcTemplate(this.context.getBean(DataSource.class)).queryForObject(sql, Integer.class);
		}

		@Override
		public void close() throws SQLException {
			this.context.close();
			if (this.postgres != null) {
				this.postgres.close();
			}
		}

	}

	/**
	 * Wraps the application's data source so that, once armed, each connection about to insert a job instance waits
	 * until the given number of them got there (each has looked its instance up by then, in the same transaction).
	 * Never waits longer than 30 s, so a launcher that does not come cannot hang the test.
	 */
	private static final class InstanceInsertGate implements BeanPostProcessor {

		private volatile CountDownLatch arrivals;

		private final AtomicInteger held = new AtomicInteger();

		void hold(int launchers) {
			this.arrivals = new CountDownLatch(launchers);
		}

		/** How many inserts of a job instance arrived while the gate was armed. */
		int held() {
			return this.held.get();
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof DataSource dataSource)) {
				return bean;
			}
			return new DelegatingDataSource(dataSource) {

				@Override
				public Connection getConnection() throws SQLException {
					return gated(super.getConnection());
				}

				@Override
				public Connection getConnection(String username, String password) throws SQLException {
					return gated(super.getConnection(username, password));
				}

			};
		}

		private Connection gated(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
						if (method.getName().equals("prepareStatement") && arguments[0] instanceof String sql
								&& sql.strip().toUpperCase(java.util.Locale.ROOT)
									.startsWith("INSERT INTO BATCH_JOB_INSTANCE")) {
							await();
						}
						try {
							return method.invoke(connection, arguments);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		private void await() throws InterruptedException {
			CountDownLatch latch = this.arrivals;
			if (latch != null && latch.getCount() > 0) {
				this.held.incrementAndGet();
				latch.countDown();
				latch.await(30, TimeUnit.SECONDS);
			}
		}

	}

}
