package io.pushloss.console;

import java.security.Principal;

/** The name of the user behind a request, as the audit trail records it. */
final class ConsoleUsers {

	private ConsoleUsers() {
	}

	static String name(Principal principal) {
		return (principal != null && principal.getName() != null) ? principal.getName() : "anonymous";
	}

}
