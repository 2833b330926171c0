package io.pushloss.console;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The role x endpoint matrix: every page and every API call, as anonymous, viewer and operator. The API over the
 * real port with HTTP Basic (anonymous 401, a viewer's write 403); the pages through the application's own filter
 * chains with MockMvc (anonymous to the login page, a viewer's form 403, an operator's without its CSRF token 403).
 * "allowed" means the request reached the console (its answer is neither 401 nor 403, nor a redirect to the login).
 */
class ConsoleAccessTests {

	private static final String JOB = "console-access";

	@RegisterExtension
	static final ConsoleServerExtension console = new ConsoleServerExtension(JOB);

	@ParameterizedTest(name = "API {0} {1}: anonymous {3}, viewer {4}, operator {5}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /api/jobs                                                       |                      | 401 | allowed   | allowed
			GET  | /api/jobs/console-access                                        |                      | 401 | allowed   | allowed
			GET  | /api/runs?job=console-access                                    |                      | 401 | allowed   | allowed
			GET  | /api/runs/999999                                                |                      | 401 | allowed   | allowed
			GET  | /api/requests/00000000-0000-0000-0000-000000000000              |                      | 401 | allowed   | allowed
			GET  | /api/jobs/console-access/weeks                                  |                      | 401 | allowed   | allowed
			GET  | /api/jobs/console-access/weeks/2026-W46/documents               |                      | 401 | allowed   | allowed
			GET  | /api/jobs/console-access/weeks/2026-W46/documents/summary.json  |                      | 401 | allowed   | allowed
			GET  | /api/audit                                                      |                      | 401 | allowed   | allowed
			GET  | /v3/api-docs                                                    |                      | 401 | allowed   | allowed
			POST | /api/jobs/console-access/runs                                   | {"week":"2999-W01"}  | 401 | 403       | allowed
			POST | /api/jobs/console-access/backfills                              | {"from":"2999-W01","to":"2999-W02"} | 401 | 403 | allowed
			POST | /api/jobs/console-access/pause                                  |                      | 401 | 403       | allowed
			POST | /api/jobs/console-access/resume                                 |                      | 401 | 403       | allowed
			""")
	void apiAnswersEachRoleAsItMay(String method, String path, String body, String anonymous, String viewer,
			String operator) throws Exception {
		assertApi(method, path, body, null, anonymous);
		assertApi(method, path, body, ConsoleServer.VIEWER, viewer);
		assertApi(method, path, body, ConsoleServer.OPERATOR, operator);
	}

	@ParameterizedTest(name = "page {0} {1}: anonymous {2}, viewer {3}, operator {4}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /                                                    | login | allowed | allowed
			GET  | /jobs                                                | login | allowed | allowed
			GET  | /runs                                                | login | allowed | allowed
			GET  | /runs/999999                                         | login | allowed | allowed
			GET  | /runs/999999/progress                                | login | allowed | allowed
			GET  | /requests/00000000-0000-0000-0000-000000000000       | login | allowed | allowed
			GET  | /library                                             | login | allowed | allowed
			GET  | /library/console-access                              | login | allowed | allowed
			GET  | /library/console-access/2026-W46                     | login | allowed | allowed
			GET  | /library/console-access/2026-W46/summary.json        | login | allowed | allowed
			GET  | /library/console-access/2026-W46/files/summary.json  | login | allowed | allowed
			GET  | /audit                                               | login | allowed | allowed
			POST | /jobs/console-access/run                             | login | 403     | allowed
			POST | /jobs/console-access/backfill                        | login | 403     | allowed
			POST | /jobs/console-access/pause                           | login | 403     | allowed
			POST | /jobs/console-access/resume                          | login | 403     | allowed
			""")
	void pagesAnswerEachRoleAsItMay(String method, String path, String anonymous, String viewer, String operator)
			throws Exception {
		assertPage(method, path, null, true, anonymous);
		assertPage(method, path, "VIEWER", true, viewer);
		assertPage(method, path, "OPERATOR", true, operator);
		if (method.equals("POST")) {
			assertPage(method, path, "OPERATOR", false, "403");
		}
	}

	private static void assertApi(String method, String path, String body, String user, String expected)
			throws Exception {
		ConsoleServer.Client client = console.server().as(user);
		HttpResponse<String> response = method.equals("GET") ? client.get(path)
				: client.post(path, (body != null) ? body : "");
		String who = (user != null) ? user : "anonymous";
		if (expected.equals("allowed")) {
			assertThat(response.statusCode()).as(who + " " + method + " " + path).isNotIn(401, 403);
		}
		else {
			assertThat(response.statusCode()).as(who + " " + method + " " + path)
				.isEqualTo(Integer.parseInt(expected));
			assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
		}
	}

	private static void assertPage(String method, String path, String role, boolean withCsrf, String expected)
			throws Exception {
		MockHttpServletRequestBuilder request = method.equals("GET") ? get(path) : post(path).param("week", "2999-W01")
			.param("from", "2999-W01")
			.param("to", "2999-W02");
		if (role != null) {
			request.with(user(role.equals("VIEWER") ? ConsoleServer.VIEWER : ConsoleServer.OPERATOR).roles(role));
		}
		if (withCsrf) {
			request.with(csrf());
		}
		MvcResult result = console.mvc().perform(request).andReturn();
		int status = result.getResponse().getStatus();
		String location = result.getResponse().getRedirectedUrl();
		String who = (role != null) ? role : "anonymous";
		switch (expected) {
			case "login" -> assertThat(location).as(who + " " + method + " " + path).isNotNull().endsWith("/login");
			case "allowed" -> {
				assertThat(status).as(who + " " + method + " " + path).isNotIn(401, 403);
				if (location != null) {
					assertThat(location).as(who + " " + method + " " + path).doesNotEndWith("/login");
				}
			}
			default -> assertThat(status).as(who + " " + method + " " + path).isEqualTo(Integer.parseInt(expected));
		}
	}

}
