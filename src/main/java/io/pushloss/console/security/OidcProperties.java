package io.pushloss.console.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on of the console through the organisation's OpenID Connect provider
 * ({@code pushloss.console.oidc.*}); it is on when {@code spring.security.oauth2.client.registration.*} names a
 * provider.
 *
 * @param roleClaim the claim of the ID token (or user info) that holds the role: {@code viewer} or
 * {@code operator}, a string or a list of strings (the highest one wins); a user without either is refused
 * ({@code pushloss.console.oidc.role-claim})
 */
@ConfigurationProperties("pushloss.console.oidc")
public record OidcProperties(@DefaultValue("pushloss_role") String roleClaim) {

	public OidcProperties {
		if (roleClaim == null || roleClaim.isBlank()) {
			throw new IllegalArgumentException("pushloss.console.oidc.role-claim must name a claim");
		}
	}

}
