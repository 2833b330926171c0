package io.pushloss.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;
import io.pushloss.store.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code runs} on a data directory with a completed run (2026-W45, emailed) and a failed one (2026-W46), and on
 * one without runs.
 */
class RunsCommandTests {

	private static final OperationsCli cli = new OperationsCli();

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	private static Path data;

	@BeforeAll
	static void runOneWeekAndFailAnother() throws Exception {
		Path job = cli.writeJob(dir, "listed");
		data = dir.resolve("data");
		assertThat(cli.execute("run", job.toString(), "--week", "2026-W45", "--data-dir", data.toString()))
			.isZero();
		cli.simulator.faults(FaultSettings.always(Fault.ERROR_90045));
		assertThat(cli.execute("run", job.toString(), "--week", "2026-W46", "--data-dir", data.toString()))
			.isEqualTo(1);
		cli.simulator.faults(FaultSettings.none());
	}

	@AfterAll
	static void stopSimulator() {
		cli.close();
	}

	@Test
	void printsJsonThatScriptsCanRead() {
		assertThat(cli.execute("runs", "--json", "--data-dir", data.toString())).isZero();

		JsonNode runs = json.readTree(cli.out());
		assertThat(runs.isArray()).isTrue();
		assertThat(runs.size()).isEqualTo(2);
		JsonNode failed = runs.get(0);
		assertThat(failed.propertyNames()).containsExactly("executionId", "job", "week", "status", "start",
				"durationSeconds", "windowsPlanned", "windowsStored", "windowsFetched", "calls", "retriedCalls", "partial",
				"forced", "email",
				"archivePath", "headline", "message", "warnings");
		assertThat(failed.get("job").asString()).isEqualTo("listed");
		assertThat(failed.get("week").asString()).isEqualTo("2026-W46");
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("windowsPlanned").asInt()).isEqualTo(4);
		assertThat(failed.get("windowsStored").asInt()).as("the baseline week, stored by the run of 2026-W45").isEqualTo(2);
		assertThat(failed.get("windowsFetched").asInt()).isZero();
		assertThat(failed.get("calls").asInt()).isEqualTo(1);
		assertThat(failed.get("retriedCalls").asInt()).as("90045 is not retried").isZero();
		assertThat(failed.get("email").isNull()).isTrue();
		assertThat(failed.get("archivePath").isNull()).isTrue();
		assertThat(failed.get("message").asString()).contains("90045");
		JsonNode completed = runs.get(1);
		assertThat(completed.get("week").asString()).isEqualTo("2026-W45");
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(Instant.parse(completed.get("start").asString())).isBefore(Instant.now());
		assertThat(completed.get("durationSeconds").asDouble()).isPositive();
		assertThat(completed.get("windowsStored").asInt()).isEqualTo(4);
		assertThat(completed.get("windowsFetched").asInt()).isEqualTo(4);
		assertThat(completed.get("calls").asInt()).isEqualTo(4);
		assertThat(completed.get("partial").asBoolean()).isFalse();
		assertThat(completed.get("forced").asBoolean()).isFalse();
		assertThat(completed.get("email").asString()).isEqualTo("OUTBOX");
		assertThat(Path.of(completed.get("archivePath").asString()))
			.isEqualTo(data.resolve("archive/listed/2026/2026-W45").toAbsolutePath());
		assertThat(completed.get("headline").asString()).startsWith("Push to all ");
		assertThat(completed.get("message").isNull()).isTrue();
	}

	@Test
	void printsATableForPeople() {
		assertThat(cli.execute("runs", "listed", "--data-dir", data.toString())).isZero();

		assertThat(cli.outLines()).hasSize(4);
		assertThat(cli.outLines().get(0).split(" +")).containsExactly("ID", "JOB", "WEEK", "STATUS", "START",
				"DURATION", "WINDOWS", "CALLS", "PARTIAL", "EMAIL", "ARCHIVE");
		assertThat(cli.outLines().get(1)).matches(
				"\\d+ +listed +2026-W46 +FAILED +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d\\d:\\d\\d +\\d+s +2/4 +1 +no +pending +-");
		assertThat(cli.outLines().get(2)).startsWith("    ").contains("90045");
		assertThat(cli.outLines().get(3)).matches("\\d+ +listed +2026-W45 +COMPLETED +.* +4/4 +4 +no +outbox +\\S*"
				+ "archive/listed/2026/2026-W45");
		assertThat(cli.err()).doesNotContain("ERROR").doesNotContain("WARN");
	}

	@Test
	void readsADatabaseWithOlderTablesAndSaysSo() throws Exception {
		Path old = dir.resolve("old-schema");
		copy(data.resolve("db"), old.resolve("db"));
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + old.resolve("db/pushloss").toAbsolutePath() + ";AUTO_SERVER=TRUE",
				EmbeddedDatabase.USER, EmbeddedDatabase.password(new DataDirectoryProperties(old)));
				Statement statement = connection.createStatement()) {
			// back to V5: every later migration (V6 and whatever came after it) forgotten
			statement.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" NOT IN "
					+ "('1', '2', '3', '4', '5') AND \"version\" IS NOT NULL");
		}

		assertThat(cli.execute("runs", "listed", "--data-dir", old.toString())).isZero();

		assertThat(cli.outLines()).hasSize(4);
		assertThat(cli.err()).contains("tables are at migration V5").contains("the next run, backfill or serve migrates");
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + old.resolve("db/pushloss").toAbsolutePath() + ";AUTO_SERVER=TRUE",
				EmbeddedDatabase.USER, EmbeddedDatabase.password(new DataDirectoryProperties(old)));
				Statement statement = connection.createStatement();
				ResultSet count = statement
					.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '6'")) {
			count.next();
			assertThat(count.getInt(1)).as("runs migrated nothing").isZero();
		}
	}

	@Test
	void failsClearlyOnADatabaseThisProgramNeverMigrated() throws Exception {
		Path foreign = dir.resolve("foreign");
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + foreign.resolve("db/pushloss").toAbsolutePath(), "sa", "");
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("CREATE TABLE something_else (id INT)");
		}

		assertThat(cli.execute("runs", "--data-dir", foreign.toString())).isEqualTo(1);

		assertThat(cli.err()).contains("has no tables of this program").doesNotContain("Exception");
	}

	private static void copy(Path from, Path to) throws Exception {
		Files.createDirectories(to);
		try (var files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	@Test
	void listsOnlyTheNewestRunsUpToTheLimit() {
		assertThat(cli.execute("runs", "listed", "--limit", "1", "--data-dir", data.toString())).isZero();

		assertThat(cli.outLines()).hasSize(3);
		assertThat(cli.outLines().get(1)).contains("2026-W46", "FAILED");
		assertThat(cli.out()).doesNotContain("2026-W45");
	}

	@Test
	void saysWhenAJobHasNoRuns() {
		assertThat(cli.execute("runs", "other", "--data-dir", data.toString())).isZero();

		assertThat(cli.out()).isEqualTo("No runs of job 'other' yet." + System.lineSeparator());
	}

	@Test
	void saysThereAreNoRunsInAnEmptyDataDirectoryAndCreatesNothing() throws Exception {
		Path missing = dir.resolve("missing");
		Path empty = Files.createDirectory(dir.resolve("empty"));

		assertThat(cli.execute("runs", "--data-dir", missing.toString())).isZero();
		assertThat(cli.out()).isEqualTo("No runs yet." + System.lineSeparator());
		assertThat(cli.err()).isEqualTo("Note: the data directory " + missing.toAbsolutePath().normalize()
				+ " does not exist (--data-dir, default ./data)" + System.lineSeparator());
		assertThat(cli.execute("runs", "--json", "--data-dir", empty.toString())).isZero();
		assertThat(cli.err()).isEmpty();
		assertThat(json.readTree(cli.out()).isArray()).isTrue();
		assertThat(json.readTree(cli.out()).size()).isZero();

		assertThat(missing).doesNotExist();
		assertThat(empty).isEmptyDirectory();
	}

}
