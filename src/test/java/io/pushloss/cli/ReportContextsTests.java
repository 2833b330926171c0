package io.pushloss.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.runs.RunHistory;
import io.pushloss.scheduling.ReportScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lighter application context of the commands that run jobs: no scheduler, no actuator, and no Flyway once the
 * database has every migration; a new database, or one that lacks a migration, is migrated as before.
 */
class ReportContextsTests {

	private static final Map<String, Object> QUIET = Map.of("logging.threshold.console", "WARN");

	@TempDir
	Path dir;

	@Test
	void aNewDatabaseIsMigratedAndAnUpToDateOneStartsWithoutFlywayNorSchedulerNorActuator() {
		Path data = this.dir.resolve("data");
		try (ConfigurableApplicationContext context = start(data)) {
			assertThat(context.getBeanNamesForType(Flyway.class)).as("a new database is migrated").isNotEmpty();
			assertThat(migrations(context)).isPositive();
			assertLean(context);
		}
		try (ConfigurableApplicationContext context = start(data)) {
			assertThat(context.getBeanNamesForType(Flyway.class)).as("nothing to migrate: no Flyway").isEmpty();
			assertLean(context);
			assertThat(context.getBean(RunHistory.class).recent(null, 10)).isEmpty();
		}
	}

	@Test
	void aDatabaseWithAFailedMigrationOrWithoutOneOfThisProgramsIsNotTakenAsUpToDate() {
		Path data = this.dir.resolve("data");
		try (ConfigurableApplicationContext context = start(data)) {
			assertThat(migrations(context)).isPositive();
		}
		try (SchemaCheck check = SchemaCheck.of(data, (name) -> null)) {
			assertThat(check.current()).isTrue();
			JdbcTemplate jdbc = new JdbcTemplate(check.dataSource());
			jdbc.update("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"installed_rank\" = "
					+ "(SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\")");
		}
		try (SchemaCheck check = SchemaCheck.of(data, (name) -> null)) {
			assertThat(check.current()).as("a failed migration is Flyway's to report").isFalse();
			// as if the newest migration had not run yet
			new JdbcTemplate(check.dataSource()).update("DELETE FROM \"flyway_schema_history\" WHERE \"success\" = FALSE");
		}
		try (SchemaCheck check = SchemaCheck.of(data, (name) -> null)) {
			assertThat(check.current()).as("a pending migration is Flyway's to apply").isFalse();
		}
	}

	@Test
	void aDataDirectoryWithoutADatabaseIsNotCreatedByTheCheck() {
		Path data = this.dir.resolve("none");
		try (SchemaCheck check = SchemaCheck.of(data, (name) -> null)) {
			assertThat(check.current()).isFalse();
		}
		assertThat(data).doesNotExist();
	}

	private static void assertLean(ConfigurableApplicationContext context) {
		assertThat(context.getBeanNamesForType(WeeklyReportRunner.class)).hasSize(1);
		assertThat(context.getBeanNamesForType(Scheduler.class)).as("no Quartz").isEmpty();
		assertThat(context.getBeanNamesForType(ReportScheduler.class)).as("no scheduling module").isEmpty();
		assertThat(context.getBeanDefinitionNames()).as("no actuator, health or metrics")
			.noneMatch((name) -> name.toLowerCase().contains("health") || name.toLowerCase().contains("meterregistry"));
	}

	private ConfigurableApplicationContext start(Path data) {
		return ReportContexts.startForJobs(data, Clock.systemUTC(), (name) -> null, (name) -> null, QUIET);
	}

	private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
		return new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
	}

	private static int migrations(ConfigurableApplicationContext context) {
		return jdbc(context).queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\"", Integer.class);
	}

}
