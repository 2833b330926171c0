package io.pushloss.console;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.domain.IsoWeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On PostgreSQL (Quartz clustered), a run-now request is stored with its one-off trigger in one transaction, fired
 * by the cluster's scheduler and ends DONE with its run COMPLETED; pause holds in the clustered job store.
 */
class ConsolePostgresTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@Test
	void runNowThroughTheClusteredSchedulerReachesCompleted() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Map<String, String> properties = new LinkedHashMap<>();
			database.properties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
			try (ConsoleServer server = ConsoleServer.start(this.dir, "console-pg", properties)) {
				ConsoleServer.Client api = server.as(ConsoleServer.OPERATOR);
				String week = IsoWeek.lastComplete(ZoneOffset.UTC, Clock.systemUTC()).toString();

				HttpResponse<String> accepted = api.post("/api/jobs/console-pg/runs",
						"{\"week\":\"" + week + "\",\"email\":false}");

				assertThat(accepted.statusCode()).isEqualTo(202);
				String location = accepted.headers().firstValue("Location").orElseThrow();
				await().atMost(Duration.ofSeconds(180))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> JSON.readTree(api.get(location).body()).path("state").asString(), "DONE"::equals);
				JsonNode request = JSON.readTree(api.get(location).body());
				assertThat(request.path("node").asString()).as("the clustered scheduler's instance id").isNotBlank();
				assertThat(request.path("runs").get(0).path("status").asString()).isEqualTo("COMPLETED");

				assertThat(JSON.readTree(api.post("/api/jobs/console-pg/pause", "").body()).path("paused").asBoolean())
					.isTrue();
				assertThat(JSON.readTree(api.get("/api/jobs/console-pg").body()).path("paused").asBoolean()).isTrue();
			}
		}
	}

}
