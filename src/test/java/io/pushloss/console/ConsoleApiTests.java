package io.pushloss.console;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pushloss.domain.IsoWeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's JSON API over a real port, on the application as {@code serve} runs it: run-now through the
 * scheduler to COMPLETED, the runs and documents it made, pause and resume in the Quartz store, OpenAPI, and a
 * problem-details 400 (or 404) naming the field for each bad input.
 */
class ConsoleApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final ConsoleServerExtension console = new ConsoleServerExtension("console-api");

	@Test
	void listsTheServedJobWithItsScheduleInWordsAndZone() throws Exception {
		HttpResponse<String> response = api().get("/api/jobs");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode job = JSON.readTree(response.body()).get(0);
		assertThat(job.path("name").asString()).isEqualTo("console-api");
		assertThat(job.path("schedule").asString()).isEqualTo("0 0 3 1 1 ? 2099");
		assertThat(job.path("zone").asString()).isEqualTo("UTC");
		assertThat(job.path("paused").asBoolean()).isFalse();
		assertThat(job.path("nextFireTime").asString()).startsWith("2099-01-01T03:00");
		assertThat(response.body()).doesNotContain("secret").doesNotContain("CONSOLE_TEST_UNSET_SECRET_KEY");
	}

	@Test
	void runNowGoesThroughTheSchedulerToTheCompletedRunItsDocumentsAndTheAuditAndABackfillSkipsTheWeek() throws Exception {
		String week = IsoWeek.lastComplete(java.time.ZoneOffset.UTC, Clock.systemUTC()).toString();

		HttpResponse<String> accepted = api().post("/api/jobs/console-api/runs",
				"{\"week\":\"" + week + "\",\"email\":false}");

		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith("/api/requests/");
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> JSON.readTree(api().get(location).body()).path("state").asString(), "DONE"::equals);
		JsonNode request = JSON.readTree(api().get(location).body());
		assertThat(request.path("kind").asString()).isEqualTo("RUN");
		JsonNode run = request.path("runs").get(0);
		assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("week").asString()).isEqualTo(week);

		JsonNode detail = JSON.readTree(api().get(run.path("location").asString()).body());
		assertThat(detail.path("run").path("job").asString()).isEqualTo("console-api");
		assertThat(detail.path("run").path("emailState").asString()).isEqualTo("DISABLED");
		assertThat(detail.path("run").path("endedAt").isNull()).isFalse();
		assertThat(detail.path("progress").path("windowsDone").asInt())
			.isEqualTo(detail.path("progress").path("windowsTotal").asInt())
			.isPositive();
		assertThat(detail.path("steps").findValuesAsString("name")).contains("fetchLossWindows");

		JsonNode runs = JSON.readTree(api().get("/api/runs?job=console-api&status=COMPLETED&from=" + week
				+ "&to=" + week).body());
		assertThat(runs.findValuesAsString("week")).containsOnly(week);

		JsonNode documents = JSON
			.readTree(api().get("/api/jobs/console-api/weeks/" + week + "/documents").body());
		assertThat(documents.findValuesAsString("name")).contains("summary.json",
				"push-loss-console-api-" + week + ".pdf", "push-loss-console-api-" + week + ".xlsx");
		assertThat(documents.findValuesAsString("sha256")).allMatch((sha) -> sha.matches("[0-9a-f]{64}"));
		HttpResponse<byte[]> pdf = api()
			.download("/api/jobs/console-api/weeks/" + week + "/documents/push-loss-console-api-" + week + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		assertThat(api().get("/api/jobs/console-api/weeks/" + week + "/documents/..%2FSHA256SUMS")
			.statusCode()).isIn(400, 404);

		// a backfill over the completed week skips it (no force): done at once, pointing at the same run
		HttpResponse<String> backfill = api().post("/api/jobs/console-api/backfills",
				"{\"from\":\"" + week + "\",\"to\":\"" + week + "\"}");
		assertThat(backfill.statusCode()).isEqualTo(202);
		String backfillLocation = backfill.headers().firstValue("Location").orElseThrow();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> JSON.readTree(api().get(backfillLocation).body()).path("state").asString(), "DONE"::equals);
		JsonNode skipped = JSON.readTree(api().get(backfillLocation).body());
		assertThat(skipped.path("kind").asString()).isEqualTo("BACKFILL");
		assertThat(skipped.path("runs").findValuesAsString("location")).containsExactly(run.path("location").asString());
		JsonNode audit = JSON.readTree(api().get("/api/audit?limit=10").body());
		assertThat(audit.findValuesAsString("action")).contains("RUN", "BACKFILL");
		assertThat(audit.findValuesAsString("user")).contains(ConsoleServer.OPERATOR);
	}

	@Test
	void pauseAndResumeAreKeptInTheQuartzStore() throws Exception {
		Scheduler scheduler = console.server().context().getBean(Scheduler.class);
		TriggerKey cron = TriggerKey.triggerKey("console-api", "push-loss-report");

		JsonNode paused = JSON.readTree(api().post("/api/jobs/console-api/pause", "").body());
		assertThat(paused.path("paused").asBoolean()).isTrue();
		assertThat(scheduler.getTriggerState(cron)).isEqualTo(Trigger.TriggerState.PAUSED);

		JsonNode resumed = JSON.readTree(api().post("/api/jobs/console-api/resume", "").body());
		assertThat(resumed.path("paused").asBoolean()).isFalse();
		assertThat(scheduler.getTriggerState(cron)).isEqualTo(Trigger.TriggerState.NORMAL);
	}

	@Test
	void describesTheApiInOpenApi() throws Exception {
		HttpResponse<String> response = api().get("/v3/api-docs");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = JSON.readTree(response.body()).path("paths");
		assertThat(paths.has("/api/jobs")).isTrue();
		assertThat(paths.has("/api/jobs/{name}/runs")).isTrue();
		assertThat(paths.has("/api/jobs/{name}/backfills")).isTrue();
	}

	@ParameterizedTest(name = "{0} {1} -> {3} naming {4}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/jobs/nope/runs          | {"week":"2026-W46"}                     | unknown job        | 404 | name
			/api/jobs/console-api/runs   | {"week":"2999-W01"}                     | week not ended     | 400 | week
			/api/jobs/console-api/runs   | {"week":"2026-46"}                      | bad week format    | 400 | week
			/api/jobs/console-api/runs   | {"week":"2026-W54"}                     | no such week       | 400 | week
			/api/jobs/console-api/runs   | {}                                      | week missing       | 400 | week
			/api/jobs/console-api/runs   | {"week":                                | malformed JSON     | 400 | body
			/api/jobs/console-api/runs   | {"week":"2026-W46","email":"perhaps"}   | email not boolean  | 400 | email
			/api/jobs/console-api/backfills | {"from":"2026-W40","to":"2026-W30"}  | from after to      | 400 | from
			/api/jobs/console-api/backfills | {"from":"2026-W40","to":"2999-W01"}  | to not ended       | 400 | to
			/api/jobs/console-api/backfills | {"to":"2026-W30"}                    | from missing       | 400 | from
			""")
	void answersABadInputWithAProblemNamingTheField(String path, String body, String what, int status, String field)
			throws Exception {
		HttpResponse<String> response = api().post(path, body);

		assertThat(response.statusCode()).as(what).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("field").asString()).isEqualTo(field);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.pushloss");
	}

	@ParameterizedTest(name = "GET {0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/runs?status=DONE-ISH          | status
			/api/runs?from=2026-W40&to=2026-W30 | from
			/api/runs?from=last-week           | from
			/api/runs?limit=x                  | limit
			/api/runs/x                        | id
			""")
	void answersBadQueryParametersWithAProblemNamingThem(String path, String field) throws Exception {
		HttpResponse<String> response = api().get(path);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("field").asString()).isEqualTo(field);
	}

	/** Requests as the operator. */
	private static ConsoleServer.Client api() {
		return console.server().as(ConsoleServer.OPERATOR);
	}

}
