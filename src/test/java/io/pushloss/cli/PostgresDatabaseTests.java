package io.pushloss.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.domain.IsoWeek;
import io.pushloss.job.EmailState;
import io.pushloss.job.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * With {@code spring.datasource.url} pointing at PostgreSQL, the commands keep everything there: Flyway creates the
 * PostgreSQL tables, a week runs end to end with the same figures as on H2, {@code runs} reads it back, and no H2
 * file appears in the data directory.
 */
class PostgresDatabaseTests {

	@TempDir
	Path dir;

	@Test
	void aWeekRunsOnPostgresqlAndTheDataDirectoryHoldsNoDatabase() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create();
				OperationsCli cli = new OperationsCli(database.properties())) {
			Path job = cli.writeJob(this.dir, "pg");
			Path data = this.dir.resolve("data");

			assertThat(cli.execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data.toString()))
				.as(cli.err())
				.isZero();
			assertThat(cli.out()).contains("pg 2026-W46: COMPLETED");
			assertThat(cli.execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data.toString()))
				.isZero();
			assertThat(cli.out()).contains("already completed");

			int planned = cli.history(data).get(0).windowsPlanned();
			assertThat(cli.history(data)).extracting((run) -> run.week(), (run) -> run.status(),
					(run) -> run.emailState())
				.containsExactly(tuple(IsoWeek.parse("2026-W46"), RunStatus.COMPLETED, EmailState.OUTBOX));
			assertThat(cli.execute("runs", "pg", "--data-dir", data.toString())).isZero();
			assertThat(cli.out()).contains("2026-W46  COMPLETED");
			assertThat(data.resolve("db/pushloss.mv.db")).doesNotExist();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM fetched_window")) {
				rows.next();
				assertThat(rows.getInt(1)).as("every planned window stored in PostgreSQL").isEqualTo(planned)
					.isPositive();
			}
		}
	}

}
