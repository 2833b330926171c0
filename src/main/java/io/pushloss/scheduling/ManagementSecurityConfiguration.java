package io.pushloss.scheduling;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management port (health and metrics, loopback only) is not the console: the console's sign-in does not apply
 * there. Spring Boot hands the application's security filter chains to the actuator's own web server too; this
 * chain, before the console's, takes every request that arrived on the management port and lets it through to the
 * actuator (which answers only its two endpoints, and 404 for anything else) without a session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ManagementSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain managementPortFilterChain(HttpSecurity http, Environment environment) throws Exception {
		http.securityMatcher((request) -> onManagementPort(request, environment))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/** Whether the request came in on the actuator's own port (never when it shares the console's). */
	static boolean onManagementPort(HttpServletRequest request, Environment environment) {
		Integer management = environment.getProperty("local.management.port", Integer.class);
		Integer console = environment.getProperty("local.server.port", Integer.class);
		return management != null && management > 0 && !management.equals(console)
				&& request.getLocalPort() == management;
	}

}
