package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.domain.IsoWeek;
import io.pushloss.job.EmailState;
import io.pushloss.job.RunStatus;
import io.pushloss.job.RunSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Moving up from H2: a week run on the default H2 data directory is copied into PostgreSQL; there {@code runs}
 * lists it, running it again makes no vendor call and sends no email, and the following week fetches only its own
 * windows (the copied one is its baseline).
 */
class CopyToPostgresTests {

	@TempDir
	Path dir;

	@Test
	void aWeekRunOnH2IsNeitherFetchedNorEmailedAgainAfterTheCopy() throws Exception {
		Path h2Data = this.dir.resolve("h2-data");
		try (OperationsCli h2 = new OperationsCli()) {
			Path job = h2.writeJob(Files.createDirectories(this.dir.resolve("h2")), "moving");
			assertThat(h2.execute("run", job.toString(), "--week", "2026-W45", "--data-dir", h2Data.toString()))
				.as(h2.err())
				.isZero();
		}
		try (PostgresTestDatabase database = PostgresTestDatabase.create();
				OperationsCli pg = new OperationsCli(database.properties())) {
			Path job = pg.writeJob(Files.createDirectories(this.dir.resolve("pg")), "moving");
			Path node = this.dir.resolve("node-data");

			assertThat(pg.execute("copy-to-postgres", "--data-dir", h2Data.toString())).as(pg.err()).isZero();
			assertThat(pg.out()).contains("Copied ", " into " + database.url())
				.containsPattern("fetched_window +[1-9][0-9]* +[1-9][0-9]*")
				.containsPattern("delivery_ledger +1 +1")
				.containsPattern("batch_job_execution +1 +1")
				.contains("verified");
			assertThat(pg.execute("copy-to-postgres", "--data-dir", h2Data.toString())).as("a second copy")
				.isEqualTo(2);
			assertThat(pg.err()).contains("already holds", "--replace");
			assertThat(pg.execute("copy-to-postgres", "--data-dir", h2Data.toString(), "--replace")).as(pg.err())
				.isZero();

			assertThat(pg.execute("runs", "moving", "--data-dir", node.toString())).isZero();
			assertThat(pg.out()).contains("2026-W45  COMPLETED");
			assertThat(pg.execute("run", job.toString(), "--week", "2026-W45", "--data-dir", node.toString()))
				.as(pg.err())
				.isZero();
			assertThat(pg.out()).contains("already completed");
			assertThat(pg.simulator.calls()).as("vendor calls on PostgreSQL for the copied week").isZero();
			assertThat(outbox(node)).as("emails written on PostgreSQL for the copied week").isZero();

			assertThat(pg.execute("run", job.toString(), "--week", "2026-W46", "--data-dir", node.toString()))
				.as(pg.err())
				.isZero();
			assertThat(pg.history(node)).extracting((run) -> run.week(), (run) -> run.status(),
					(run) -> run.emailState())
				.containsExactly(tuple(IsoWeek.parse("2026-W46"), RunStatus.COMPLETED, EmailState.OUTBOX),
						tuple(IsoWeek.parse("2026-W45"), RunStatus.COMPLETED, EmailState.OUTBOX));
			RunSummary w46 = pg.history(node).get(0);
			assertThat(w46.windowsFetched()).as("W45, W46's baseline, came from H2")
				.isPositive()
				.isLessThan(w46.windowsPlanned());
			assertThat(pg.simulator.calls()).isEqualTo(w46.windowsFetched());
			assertThat(outbox(node)).isOne();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(
							"SELECT report_week, state FROM delivery_ledger ORDER BY report_week")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("2026-W45 OUTBOX");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1) + " " + rows.getString(2)).isEqualTo("2026-W46 OUTBOX");
			}
		}
	}

	@Test
	void withoutAPostgresqlUrlNothingIsCopied() throws Exception {
		try (OperationsCli cli = new OperationsCli()) {
			assertThat(cli.execute("copy-to-postgres", "--data-dir", this.dir.toString())).isEqualTo(2);
			assertThat(cli.err()).contains("SPRING_DATASOURCE_URL");
		}
	}

	private static long outbox(Path dataDir) throws Exception {
		Path outbox = dataDir.resolve("outbox");
		if (!Files.isDirectory(outbox)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter((file) -> file.toString().endsWith(".eml")).count();
		}
	}

}
