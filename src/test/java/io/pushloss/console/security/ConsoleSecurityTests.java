package io.pushloss.console.security;

import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import io.pushloss.accounts.AccountStore;
import io.pushloss.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's security against stub controllers at the paths of its pages and API: who may read and write what
 * (anonymous, viewer, operator), form login with CSRF for the pages, HTTP Basic with problem-details answers for the
 * API, the lockout, and the security headers on every answer.
 */
@WebMvcTest(properties = "spring.main.web-application-type=servlet")
class ConsoleSecurityTests {

	static final String PASSWORD = "correct horse battery staple";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void viewerVeraAndOperatorOtto() {
		new JdbcTemplate(this.dataSource).update("DELETE FROM console_account");
		this.accounts.add("vera", Role.VIEWER, PASSWORD);
		this.accounts.add("otto", Role.OPERATOR, PASSWORD);
	}

	/** Anonymous, viewer and operator: what each gets for each kind of request. */
	static Stream<Arguments> matrix() {
		return Stream.of(
				// who, method, path, csrf token, expected status
				Arguments.of(null, "GET", "/", false, 302), Arguments.of(null, "GET", "/runs/7", false, 302),
				Arguments.of(null, "GET", "/api/runs", false, 401),
				Arguments.of(null, "POST", "/api/jobs/demo/runs", false, 401),
				Arguments.of(null, "POST", "/jobs/demo/pause", false, 403),
				Arguments.of(null, "POST", "/jobs/demo/pause", true, 302),
				Arguments.of(null, "GET", "/v3/api-docs", false, 401),
				Arguments.of("vera", "GET", "/", false, 200), Arguments.of("vera", "GET", "/jobs", false, 200),
				Arguments.of("vera", "GET", "/runs", false, 200), Arguments.of("vera", "GET", "/runs/7", false, 200),
				Arguments.of("vera", "GET", "/library/demo/2026-W46", false, 200),
				Arguments.of("vera", "GET", "/audit", false, 200), Arguments.of("vera", "HEAD", "/jobs", false, 200),
				Arguments.of("vera", "GET", "/api/jobs", false, 200), Arguments.of("vera", "GET", "/api/runs/7", false, 200),
				Arguments.of("vera", "GET", "/api/jobs/demo/weeks/2026-W46/pdf", false, 200),
				Arguments.of("vera", "GET", "/v3/api-docs", false, 200),
				Arguments.of("vera", "POST", "/api/jobs/demo/runs", false, 403),
				Arguments.of("vera", "POST", "/api/jobs/demo/backfills", false, 403),
				Arguments.of("vera", "POST", "/api/jobs/demo/pause", false, 403),
				Arguments.of("vera", "POST", "/api/jobs/demo/resume", false, 403),
				Arguments.of("vera", "POST", "/jobs/demo/pause", false, 403),
				Arguments.of("vera", "POST", "/jobs/demo/pause", true, 403),
				Arguments.of("otto", "GET", "/", false, 200), Arguments.of("otto", "GET", "/audit", false, 200),
				Arguments.of("otto", "GET", "/api/runs", false, 200),
				Arguments.of("otto", "POST", "/api/jobs/demo/runs", false, 202),
				Arguments.of("otto", "POST", "/api/jobs/demo/backfills", false, 202),
				Arguments.of("otto", "POST", "/api/jobs/demo/pause", false, 202),
				Arguments.of("otto", "POST", "/api/jobs/demo/resume", false, 202),
				Arguments.of("otto", "POST", "/jobs/demo/pause", false, 403),
				Arguments.of("otto", "POST", "/jobs/demo/pause", true, 302));
	}

	@ParameterizedTest(name = "{0} {1} {2} (CSRF token: {3}) -> {4}")
	@MethodSource("matrix")
	void answersEachRoleAsTheContractSays(String who, String method, String path, boolean token, int expected)
			throws Exception {
		MockHttpServletRequestBuilder request = switch (method) {
			case "GET" -> get(path);
			case "HEAD" -> head(path);
			default -> post(path).contentType(MediaType.APPLICATION_JSON).content("{\"week\":\"2026-W46\"}");
		};
		boolean api = path.startsWith("/api/") || path.startsWith("/v3/");
		if (who != null && api) {
			request.with(httpBasic(who, PASSWORD));
		}
		else if (who != null) {
			request.session(login(who));
		}
		if (token) {
			request.with(csrf());
		}

		MvcResult result = this.mvc.perform(request).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(expected);
		if (expected == 302 && who == null) {
			assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
		}
		if (api && (expected == 401 || expected == 403)) {
			assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
			assertThat(result.getResponse().getContentAsString()).contains("\"status\":" + expected);
		}
	}

	@Test
	void answersAnAnonymousApiCallWith401ProblemDetailsAndTheBasicChallenge() throws Exception {
		this.mvc.perform(get("/api/runs"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"push-loss-report\", charset=\"UTF-8\""))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.instance").value("/api/runs"));
		// the console's own scripts get no challenge: no password dialog in the browser
		this.mvc.perform(get("/api/runs").header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
	}

	@Test
	void answersAViewersWriteWith403ProblemDetails() throws Exception {
		this.mvc.perform(post("/api/jobs/demo/runs").with(httpBasic("vera", PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value("Forbidden: this action needs the operator role"));
	}

	@Test
	void givesTheSameAnswerForAnUnknownNameAWrongPasswordAndALockedAccount() throws Exception {
		String unknown = this.mvc.perform(get("/api/runs").with(httpBasic("nobody", PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String wrong = this.mvc.perform(get("/api/runs").with(httpBasic("vera", "not the password")))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(wrong).isEqualTo(unknown);
		this.mvc.perform(formLogin("/login").user("nobody").password(PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").user("vera").password("not the password"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void locksAnAccountAfterFiveFailedLoginsOverFormsAndBasicAlike() throws Exception {
		for (int attempt = 1; attempt <= 3; attempt++) {
			this.mvc.perform(formLogin("/login").user("otto").password("wrong password " + attempt))
				.andExpect(redirectedUrl("/login?error"));
		}
		for (int attempt = 4; attempt <= 5; attempt++) {
			this.mvc.perform(get("/api/runs").with(httpBasic("otto", "wrong password " + attempt)))
				.andExpect(status().isUnauthorized());
		}

		this.mvc.perform(get("/api/runs").with(httpBasic("otto", PASSWORD))).andExpect(status().isUnauthorized());
		this.mvc.perform(formLogin("/login").user("otto").password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
		assertThat(this.accounts.find("otto").orElseThrow().lockedUntil()).isNotNull();
		this.mvc.perform(get("/api/runs").with(httpBasic("vera", PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void logsInWithAFormAndCsrfAndLogsOutWithAPost() throws Exception {
		this.mvc.perform(post("/login").param("username", "vera").param("password", PASSWORD))
			.andExpect(status().isForbidden());
		MockHttpSession session = login("vera");
		this.mvc.perform(get("/jobs").session(session)).andExpect(status().isOk());

		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

		this.mvc.perform(get("/jobs").session(session)).andExpect(status().isFound());
	}

	@Test
	void endsTheSessionOfARemovedAccountOrOfOneWhoseRoleChanged() throws Exception {
		MockHttpSession vera = login("vera");
		MockHttpSession otto = login("otto");
		this.mvc.perform(get("/jobs").session(vera)).andExpect(status().isOk());

		this.accounts.remove("vera");
		this.accounts.remove("otto");
		this.accounts.add("otto", Role.VIEWER, PASSWORD);

		this.mvc.perform(get("/jobs").session(vera)).andExpect(status().isFound());
		assertThat(vera.isInvalid()).isTrue();
		this.mvc.perform(get("/jobs").session(otto)).andExpect(status().isFound());
		this.mvc.perform(get("/jobs").session(login("otto"))).andExpect(status().isOk());
	}

	@Test
	void honoursAPageSessionOnTheApiButWantsItsCsrfTokenForWrites() throws Exception {
		MockHttpSession session = login("otto");
		this.mvc.perform(get("/api/runs").session(session).with(requestedSession(session))).andExpect(status().isOk());

		this.mvc.perform(post("/api/jobs/demo/pause").session(session).with(requestedSession(session)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType("application/problem+json"));
		this.mvc.perform(post("/api/jobs/demo/pause").session(session).with(requestedSession(session)).with(csrf()))
			.andExpect(status().isAccepted());
	}

	@Test
	void refusesAWriteFromAnotherSiteEvenWithBasicCredentials() throws Exception {
		this.mvc.perform(post("/api/jobs/demo/pause").header("Sec-Fetch-Site", "cross-site")
			.with(httpBasic("otto", PASSWORD))).andExpect(status().isForbidden());
		this.mvc.perform(post("/api/jobs/demo/pause").header("Sec-Fetch-Site", "same-origin")
			.with(httpBasic("otto", PASSWORD))).andExpect(status().isAccepted());
	}

	@Test
	void createsNoSessionForAnApiCall() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/runs").with(httpBasic("vera", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void sendsTheSecurityHeadersOnPagesAndApiAnswersAlike() throws Exception {
		for (ResultActions answer : new ResultActions[] { this.mvc.perform(get("/login")),
				this.mvc.perform(get("/api/runs").with(httpBasic("vera", PASSWORD))),
				this.mvc.perform(get("/api/runs")) }) {
			answer.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.startsWith("default-src 'self'; script-src 'self'; style-src 'self'; "
							+ "img-src 'self' data:; frame-ancestors 'none'")))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Referrer-Policy", "same-origin"));
		}
	}

	@Test
	void servesTheLoginPageAndTheAssetsToAnyone() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/assets/console.css")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("No account yet"))));
		this.mvc.perform(get("/login?error"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Wrong name or password, or the account is locked")));
		assertThat(this.mvc.perform(get("/assets/console.css")).andReturn().getResponse().getStatus()).isNotIn(302, 401, 403);
		assertThat(this.mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).andReturn().getResponse().getStatus())
			.isNotIn(302, 401, 403);
	}

	@Test
	void saysHowToCreateTheFirstAccountWhenThereIsNone() throws Exception {
		new JdbcTemplate(this.dataSource).update("DELETE FROM console_account");

		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("No account yet")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(
					"push-loss-report users add NAME --role operator --password-stdin --data-dir ")));
	}

	/** Logs in through the form, as a browser does; the session it gets. */
	private MockHttpSession login(String name) throws Exception {
		MvcResult result = this.mvc.perform(formLogin("/login").user(name).password(PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** The request comes with the session's cookie, as a browser's would. */
	private static org.springframework.test.web.servlet.request.RequestPostProcessor requestedSession(
			MockHttpSession session) {
		return (request) -> {
			request.setRequestedSessionId(session.getId());
			request.setRequestedSessionIdValid(true);
			return request;
		};
	}

	/** The accounts over a fresh H2 database, the security configuration, the login page and the stubs. */
	@Configuration(proxyBeanMethods = false)
	@Import({ ConsoleSecurityConfiguration.class, LoginController.class, StubPages.class, StubApi.class })
	static class TestWebContext extends ConsoleAccountsContext {

	}

	/** Pages at the console's paths. */
	@Controller
	static class StubPages {

		@GetMapping({ "/", "/jobs", "/runs", "/runs/{id}", "/library/**", "/audit" })
		@ResponseBody
		String page() {
			return "page";
		}

		@PostMapping("/jobs/{name}/pause")
		String pause() {
			return "redirect:/jobs";
		}

	}

	/** The API at its paths. */
	@RestController
	static class StubApi {

		@GetMapping({ "/api/jobs", "/api/runs", "/api/runs/{id}", "/api/jobs/{name}/weeks/{week}/pdf", "/v3/api-docs" })
		String read() {
			return "{}";
		}

		@PostMapping({ "/api/jobs/{name}/runs", "/api/jobs/{name}/backfills", "/api/jobs/{name}/pause",
				"/api/jobs/{name}/resume" })
		ResponseEntity<String> write() {
			return ResponseEntity.accepted().body("{}");
		}

	}

}
