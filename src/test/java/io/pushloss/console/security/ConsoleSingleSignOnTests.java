package io.pushloss.console.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;

import io.pushloss.accounts.AccountStore;
import io.pushloss.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Single sign-on through an OpenID Connect provider, when one is configured: the login page links to it, its
 * sign-in starts with a redirect to the provider, and the console role comes from the configured claim (no role, no
 * entry).
 */
@WebMvcTest(properties = { "spring.main.web-application-type=servlet",
		"pushloss.console.oidc.role-claim=console_role" })
class ConsoleSingleSignOnTests {

	@Autowired
	MockMvc mvc;

	@Test
	void linksTheLoginPageToTheProvider() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/oauth2/authorization/corp\"")))
			.andExpect(content().string(containsString("Sign in with Corp SSO")));
	}

	@Test
	void startsTheSignInWithARedirectToTheProvider() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/corp"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", startsWith("http://127.0.0.1:9/authorize?response_type=code&client_id=console")));
	}

	@Test
	void takesTheRoleFromTheConfiguredClaim() {
		OidcRoles roles = new OidcRoles(new OidcProperties("console_role"));

		OidcUser operator = roles.loadUser(request(Map.of("console_role", List.of("staff", "viewer", "operator"))));
		OidcUser viewer = roles.loadUser(request(Map.of("console_role", "VIEWER")));

		assertThat(operator.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_OPERATOR");
		assertThat(operator.getName()).isEqualTo("alice");
		assertThat(viewer.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER");
		assertThat(roles.role(Map.of("other_claim", "operator"))).isEmpty();
	}

	@Test
	void refusesAUserTheProviderGivesNoRole() {
		OidcRoles roles = new OidcRoles(new OidcProperties("console_role"));

		assertThatThrownBy(() -> roles.loadUser(request(Map.of("console_role", "admin"))))
			.isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessageContaining("no console role (claim 'console_role': viewer or operator)");
		assertThatThrownBy(() -> roles.loadUser(request(Map.of())))
			.isInstanceOf(OAuth2AuthenticationException.class);
	}

	private static OidcUserRequest request(Map<String, Object> claims) {
		Instant now = Instant.now();
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
			.subject("0b5c1e")
			.claim("preferred_username", "alice")
			.claims((all) -> all.putAll(claims))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.build();
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now,
				now.plusSeconds(300));
		return new OidcUserRequest(TestContext.corp(), accessToken, idToken);
	}

	/** The accounts over a fresh H2 database, the security configuration with one provider, the login page. */
	@Configuration(proxyBeanMethods = false)
	@Import({ ConsoleSecurityConfiguration.class, LoginController.class })
	static class TestContext extends ConsoleAccountsContext {

		static ClientRegistration corp() {
			return ClientRegistration.withRegistrationId("corp")
				.clientName("Corp SSO")
				.clientId("console")
				.clientSecret("not-a-real-secret")
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.scope("openid", "profile")
				.authorizationUri("http://127.0.0.1:9/authorize")
				.tokenUri("http://127.0.0.1:9/token")
				.jwkSetUri("http://127.0.0.1:9/jwks")
				.userNameAttributeName("preferred_username")
				.build();
		}

		@Bean
		ClientRegistrationRepository clientRegistrationRepository() {
			return new InMemoryClientRegistrationRepository(corp());
		}

		@Bean
		@Override
		AccountStore accountStore(DataSource dataSource, Clock clock) {
			AccountStore accounts = super.accountStore(dataSource, clock);
			accounts.add("vera", Role.VIEWER, "correct horse battery staple");
			return accounts;
		}

	}

}
