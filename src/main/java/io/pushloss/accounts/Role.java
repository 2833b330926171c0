package io.pushloss.accounts;

import java.util.Locale;

import io.pushloss.domain.CodeIndex;

/** What an account may do in the console and the API. */
public enum Role {

	/** Reads everything: jobs, runs, the report library, the audit trail; downloads documents. */
	VIEWER,

	/** A viewer who may also run a week, backfill, pause and resume a job's schedule. */
	OPERATOR;

	private static final CodeIndex<String, Role> BY_CODE = CodeIndex.of(Role.class, Role::code,
			(code) -> "role '" + code + "' is not one of viewer, operator");

	/** The role's name on the command line and in OIDC claims: {@code viewer} or {@code operator}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The Spring Security authority of the role: {@code ROLE_VIEWER} or {@code ROLE_OPERATOR}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The role named by its code, case-insensitively.
	 * @throws IllegalArgumentException naming the accepted codes when it is none of them
	 */
	public static Role fromCode(String code) {
		return BY_CODE.get(String.valueOf(code).strip().toLowerCase(Locale.ROOT));
	}

}
