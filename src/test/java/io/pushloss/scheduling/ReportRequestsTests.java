package io.pushloss.scheduling;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.TestMigrations;
import io.pushloss.domain.IsoWeek;
import io.pushloss.scheduling.ReportRequest.Kind;
import io.pushloss.scheduling.ReportRequest.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run-now and backfill requests (V14 {@code report_request}) on H2 and PostgreSQL: stored QUEUED, then RUNNING
 * on a node, with the runs they made, then ended.
 */
class ReportRequestsTests {

	private static final Instant AT = Instant.parse("2026-11-24T08:00:00.123Z");

	@TempDir
	Path dir;

	@Test
	void aRequestIsStoredRunAndEndedOnH2() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:file:" + this.dir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=FALSE", "sa", "");
		TestMigrations.migrateH2(dataSource);
		lifecycle(dataSource);
	}

	@Test
	void aRequestIsStoredRunAndEndedOnPostgres() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			DataSource dataSource = new DriverManagerDataSource(database.url(), "postgres", "");
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
				.load()
				.migrate();
			lifecycle(dataSource);
		}
	}

	private static void lifecycle(DataSource dataSource) {
		ReportRequests requests = new ReportRequests(dataSource);
		ReportRequest queued = new ReportRequest("3f0c1a52-8d5e-4b7e-9a51-0c3c2f1e9d10", Kind.BACKFILL, "demo",
				IsoWeek.parse("2026-W44"), IsoWeek.parse("2026-W46"), false, true, "otto", AT, State.QUEUED, null,
				null, null, List.of(), null);

		requests.insert(queued);
		assertThat(requests.find(queued.id())).contains(queued);
		assertThat(queued.weeks()).extracting(IsoWeek::toString).containsExactly("2026-W44", "2026-W45", "2026-W46");

		requests.started(queued.id(), "host-a1764836400123", AT.plusSeconds(1));
		requests.ran(queued.id(), 7L, "2026-W44: completed");
		requests.ran(queued.id(), 9L, "2026-W45: completed");
		requests.ran(queued.id(), null, "2026-W46: already running");
		requests.ended(queued.id(), State.FAILED, AT.plusSeconds(60), null);

		ReportRequest ended = requests.find(queued.id()).orElseThrow();
		assertThat(ended.state()).isEqualTo(State.FAILED);
		assertThat(ended.state().ended()).isTrue();
		assertThat(ended.node()).isEqualTo("host-a1764836400123");
		assertThat(ended.executionIds()).containsExactly(7L, 9L);
		assertThat(ended.message()).isEqualTo("2026-W46: already running");
		assertThat(ended.startedAt()).isEqualTo(AT.plusSeconds(1));
		assertThat(ended.endedAt()).isEqualTo(AT.plusSeconds(60));
		assertThat(requests.recent(10)).extracting(ReportRequest::id).containsExactly(queued.id());
		assertThat(requests.find("no-such-request")).isEmpty();
	}

}
