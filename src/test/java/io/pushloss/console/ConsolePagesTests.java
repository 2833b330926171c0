package io.pushloss.console;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.VendorApiProvider;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The console's pages through the application's own filter chains: what a viewer and an operator see, an operator
 * running a week from the Jobs page through the scheduler, and that run in the Runs page, its run page, the report
 * library, the week page (the figures of the archived summary.json) and the audit list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesTests {

	private static final String JOB = "console-pages";

	@RegisterExtension
	static final ConsoleServerExtension console = new ConsoleServerExtension(JOB);

	private static final RequestPostProcessor OPERATOR = user(ConsoleServer.OPERATOR).roles("OPERATOR");

	private static final RequestPostProcessor VIEWER = user(ConsoleServer.VIEWER).roles("VIEWER");

	@Test
	@Order(1)
	void aViewerSeesTheJobsScheduleButNoOperatorForm() throws Exception {
		MockHttpServletResponse page = perform(get("/jobs").with(VIEWER));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(JOB)
			.contains("on its cron (UTC)")
			.contains("0 0 3 1 1 ? 2099")
			.doesNotContain("Run now")
			.doesNotContain("Backfill")
			.doesNotContain("/pause");
		assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
	}

	@Test
	@Order(2)
	void anOperatorSeesRunNowBackfillAndPauseFormsWithTheirCsrfToken() throws Exception {
		String page = perform(get("/jobs").with(OPERATOR)).getContentAsString();

		assertThat(page).contains("Run now").contains("Backfill").contains("/jobs/" + JOB + "/pause")
			.contains("name=\"_csrf\"")
			.contains("value=\"" + IsoWeek.lastComplete(ZoneOffset.UTC, Clock.systemUTC()) + "\"");
	}

	@Test
	@Order(3)
	void aWeekThatHasNotEndedIsRefusedWithAMessageOnTheJobsPage() throws Exception {
		MockHttpServletResponse answer = perform(post("/jobs/" + JOB + "/run").param("week", "2999-W01")
			.with(OPERATOR)
			.with(csrf()));

		assertThat(answer.getRedirectedUrl()).isEqualTo("/jobs");
		assertThat(answer.getStatus()).isEqualTo(302);
	}

	@Test
	@Order(4)
	void anOperatorRunsAWeekFromTheJobsPageAndFollowsItToTheLibraryAndTheAuditList() throws Exception {
		String week = IsoWeek.lastComplete(ZoneOffset.UTC, Clock.systemUTC()).toString();

		MockHttpServletResponse queued = perform(post("/jobs/" + JOB + "/run").param("week", week)
			.param("email", "false")
			.with(OPERATOR)
			.with(csrf()));

		assertThat(queued.getRedirectedUrl()).startsWith("/requests/");
		String request = queued.getRedirectedUrl();
		assertThat(perform(get(request).with(VIEWER)).getContentAsString()).contains("Run now: " + JOB + " " + week)
			.contains("data-status-url");
		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> perform(get(request + "/status").with(VIEWER)).getContentAsString().contains("\"DONE\""));

		String runs = perform(get("/runs").param("job", JOB).param("status", "COMPLETED").with(VIEWER))
			.getContentAsString();
		assertThat(runs).contains(week).contains("COMPLETED").contains("DISABLED");
		String runLink = runs.replaceAll("(?s).*href=\"(/runs/\\d+)\".*", "$1");
		String run = perform(get(runLink).with(VIEWER)).getContentAsString();
		assertThat(run).contains("fetchLossWindows").contains("push-loss-" + JOB + "-" + week + ".pdf")
			.contains("/library/" + JOB + "/" + week + "/files/");
		assertThat(perform(get(runLink + "/progress").with(VIEWER)).getContentAsString()).contains("\"running\":false");

		String library = perform(get("/library/" + JOB).with(VIEWER)).getContentAsString();
		assertThat(library).contains(week).containsPattern("<code class=\"sha\">[0-9a-f]{64}</code>");
		String weekPage = perform(get("/library/" + JOB + "/" + week).with(VIEWER)).getContentAsString();
		assertThat(weekPage).contains("Normal push")
			.contains("data-summary-url=\"/library/" + JOB + "/" + week + "/summary.json\"")
			.contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
			.doesNotContain("<script>");
		assertThat(perform(get("/library/" + JOB + "/" + week + "/summary.json").with(VIEWER)).getContentAsString())
			.contains("\"headline\"");
		MockHttpServletResponse pdf = perform(
				get("/library/" + JOB + "/" + week + "/files/push-loss-" + JOB + "-" + week + ".pdf").with(VIEWER));
		assertThat(pdf.getContentAsByteArray()).startsWith('%', 'P', 'D', 'F');

		String audit = perform(get("/audit").with(VIEWER)).getContentAsString();
		assertThat(audit).contains(ConsoleServer.OPERATOR).contains("RUN").contains(JOB + " " + week);
	}

	@Test
	@Order(5)
	void pauseAndResumeFromTheJobsPage() throws Exception {
		perform(post("/jobs/" + JOB + "/pause").with(OPERATOR).with(csrf()));
		assertThat(perform(get("/jobs").with(OPERATOR)).getContentAsString()).contains("paused")
			.contains("/jobs/" + JOB + "/resume");

		perform(post("/jobs/" + JOB + "/resume").with(OPERATOR).with(csrf()));
		assertThat(perform(get("/jobs").with(OPERATOR)).getContentAsString()).contains("/jobs/" + JOB + "/pause");
	}

	@Test
	@Order(6)
	void assetsComeFromTheJarWithoutSigningIn() throws Exception {
		assertThat(perform(get("/assets/console.js")).getStatus()).isEqualTo(200);
		assertThat(perform(get("/assets/week-charts.js")).getStatus()).isEqualTo(200);
		assertThat(perform(get("/assets/console.css")).getStatus()).isEqualTo(200);
		assertThat(perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).getStatus()).isEqualTo(200);
	}

	@Test
	@Order(7)
	void aFailedRunShowsItsCauseAndRemediationOnTheRunsPage() throws Exception {
		VendorApiProvider vendor = console.server().context().getBean(VendorApiProvider.class);
		vendor.forJob(console.server().job());
		vendor.simulatorFor(console.server().job()).faults(FaultSettings.always(Fault.ERROR_90045));
		String week = IsoWeek.lastComplete(ZoneOffset.UTC, Clock.systemUTC()).minusWeeks(2).toString();
		try {
			String request = perform(post("/jobs/" + JOB + "/run").param("week", week)
				.param("email", "false")
				.with(OPERATOR)
				.with(csrf())).getRedirectedUrl();
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> perform(get(request + "/status").with(VIEWER)).getContentAsString()
					.contains("\"FAILED\""));
		}
		finally {
			vendor.simulatorFor(console.server().job()).faults(FaultSettings.none());
		}

		String runs = perform(get("/runs").param("status", "FAILED").param("from", week).param("to", week)
			.with(VIEWER)).getContentAsString();
		assertThat(runs).contains(week).contains("status-FAILED").contains("90045");
	}

	private static MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return console.mvc().perform(request).andReturn().getResponse();
	}

}
