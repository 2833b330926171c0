package io.pushloss.scheduling;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management port answers loopback host names only, and {@code /error} asked for directly is 404, never 500.
 */
class LoopbackHostFilterTests {

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(textBlock = """
			localhost,        /actuator/health, REQUEST, 200
			127.0.0.1,        /actuator/health, REQUEST, 200
			[::1],            /actuator/health, REQUEST, 200
			LOCALHOST,        /actuator/health, REQUEST, 200
			evil.example,     /actuator/health, REQUEST, 400
			127.0.0.1.nip.io, /actuator/health, REQUEST, 400
			10.0.0.5,         /actuator/health, REQUEST, 400
			localhost,        /error,           REQUEST, 404
			localhost,        /error/x,         REQUEST, 404
			evil.example,     /error,           REQUEST, 400
			localhost,        /error,           ERROR,   200
			""")
	void answersLoopbackNamesOnlyAndNeverServesTheErrorPageDirectly(String host, String path, DispatcherType type,
			int status) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName(host);
		request.setDispatcherType(type);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		new LoopbackHostFilter().doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(chain.getRequest()).as("passed on").matches((passed) -> (passed != null) == (status == 200));
	}

}
