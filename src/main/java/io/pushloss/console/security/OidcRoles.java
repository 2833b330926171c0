package io.pushloss.console.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

import io.pushloss.accounts.Role;

/**
 * The console role of a user signed in through OpenID Connect, from the configured claim
 * ({@link OidcProperties#roleClaim()}): {@code viewer} or {@code operator}, as a string or a list (the highest wins).
 * A user whose claim names neither is refused: single sign-on never grants a role by default.
 */
final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final String claim;

	OidcRoles(OidcProperties properties) {
		this.claim = properties.roleClaim();
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = this.delegate.loadUser(request);
		Role role = role(user.getClaims()).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
				"access_denied", "The identity provider gave no console role (claim '" + this.claim
						+ "': viewer or operator)", null)));
		String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
			.getUserNameAttributeName();
		if (!StringUtils.hasText(nameAttribute) || user.getAttributes().get(nameAttribute) == null) {
			nameAttribute = "sub";
		}
		return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(role.authority())), user.getIdToken(),
				user.getUserInfo(), nameAttribute);
	}

	/** The role the claims give, if any. */
	Optional<Role> role(Map<String, Object> claims) {
		Object value = claims.get(this.claim);
		Collection<?> values = (value instanceof Collection<?> list) ? list
				: (value != null) ? List.of(value) : List.of();
		Role best = null;
		for (Object code : values) {
			try {
				Role role = Role.fromCode(String.valueOf(code));
				if (best == null || role.compareTo(best) > 0) {
					best = role;
				}
			}
			catch (IllegalArgumentException ex) {
				// another value of the claim (a group of the organisation): not a console role
			}
		}
		return Optional.ofNullable(best);
	}

}
