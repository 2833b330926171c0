package io.pushloss.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.pushloss.api.ApiProperties;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentVariablesTests {

	@Test
	void theCommandsVariablesReachTheApplicationByExactAndRelaxedName() {
		Map<String, String> variables = Map.of("PUSHLOSS_API_CALLS_PER_SECOND", "50", "E2E_SECRET", "s3cret",
				"PUSHLOSS_API_SIMULATOR_CALLS_PER_SECOND", "1000");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Properties.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.listeners(new EnvironmentVariables(variables::get))
			.run("--spring.main.banner-mode=off", "--spring.config.name=none")) {
			ApiProperties api = context.getBean(ApiProperties.class);
			assertThat(api.callsPerSecond()).isEqualTo(50.0);
			assertThat(api.simulatorCallsPerSecond()).isEqualTo(1000.0);
			assertThat(context.getEnvironment().getProperty("E2E_SECRET")).isEqualTo("s3cret");
			assertThat(context.getEnvironment().getProperty("pushloss.api.calls-per-second")).isEqualTo("50");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApiProperties.class)
	static class Properties {

	}

}
