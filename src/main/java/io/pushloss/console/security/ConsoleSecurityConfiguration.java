package io.pushloss.console.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.pushloss.accounts.AccountAuthenticationProvider;
import io.pushloss.accounts.Role;

/**
 * The two filter chains of {@code serve}'s web port. {@code /api/**} and {@code /v3/api-docs}: HTTP Basic, no session
 * created (a console page's session is honoured, for its scripts), CSRF checked only for writes that come with a
 * session cookie or from another site, 401/403 as problem details. Everything else: form login on {@code /login},
 * CSRF on every write, {@code POST /logout}, and single sign-on through OpenID Connect when a provider is configured
 * ({@code spring.security.oauth2.client.registration.*}, the role from a claim: {@link OidcRoles}). In both, GET and HEAD need a viewer or an operator, every other method
 * an operator; {@code /assets/**}, {@code /webjars/**} and the login page are public.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(OidcProperties.class)
class ConsoleSecurityConfiguration {

	/** No inline scripts or styles, nothing from another origin, never framed. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String[] PUBLIC = { "/assets/**", "/webjars/**", "/login", "/error", "/favicon.ico" };

	@Bean
	AuthenticationManager consoleAuthenticationManager(AccountAuthenticationProvider accounts) {
		return new ProviderManager(accounts);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, AuthenticationManager consoleAuthenticationManager)
			throws Exception {
		ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
		ApiAccessDeniedHandler denied = new ApiAccessDeniedHandler();
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
			.authenticationManager(consoleAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(ConsoleSecurityConfiguration::readOnly)
				.hasAnyRole(Role.VIEWER.name(), Role.OPERATOR.name())
				.anyRequest()
				.hasRole(Role.OPERATOR.name()))
			.httpBasic((basic) -> basic.realmName(ApiAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(ConsoleSecurityConfiguration::browserWrite))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(denied))
			.headers(ConsoleSecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageFilterChain(HttpSecurity http, AuthenticationManager consoleAuthenticationManager,
			ObjectProvider<ClientRegistrationRepository> singleSignOn, OidcProperties oidc) throws Exception {
		http.authenticationManager(consoleAuthenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC)
				.permitAll()
				.requestMatchers(ConsoleSecurityConfiguration::readOnly)
				.hasAnyRole(Role.VIEWER.name(), Role.OPERATOR.name())
				.anyRequest()
				.hasRole(Role.OPERATOR.name()))
			.formLogin((form) -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(Customizer.withDefaults())
			.headers(ConsoleSecurityConfiguration::headers);
		if (singleSignOn.getIfAvailable() != null) {
			// spring.security.oauth2.client.registration.* names a provider: its sign-in beside the accounts'
			http.oauth2Login((login) -> login.loginPage("/login")
				.failureUrl("/login?error")
				.defaultSuccessUrl("/", false)
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(new OidcRoles(oidc))));
		}
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/** GET and HEAD: reading, for viewers and operators. */
	static boolean readOnly(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	/**
	 * A write to the API that a browser could have been tricked into: it carries a session cookie (the console's
	 * own scripts, which send the page's CSRF token), or the browser says it comes from another site
	 * ({@code Sec-Fetch-Site}), as a forged form would even with cached Basic credentials. Automation (Basic, no
	 * cookies) needs no token.
	 */
	static boolean browserWrite(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		boolean otherSite = site != null && !"same-origin".equals(site) && !"none".equals(site);
		return otherSite || request.getRequestedSessionId() != null;
	}

}
