package io.pushloss.console.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;

import io.pushloss.accounts.AccountStore;

/**
 * The login page ({@code GET /login}; Spring Security handles {@code POST /login}). A refused login says only that
 * the name or password is wrong or the account locked, never which. With no account at all, the page gives the
 * command that creates the first one. With single sign-on configured, it links to each identity provider.
 */
@Controller
class LoginController {

	private final AccountStore accounts;

	private final Environment environment;

	private final ObjectProvider<ClientRegistrationRepository> singleSignOn;

	LoginController(AccountStore accounts, Environment environment,
			ObjectProvider<ClientRegistrationRepository> singleSignOn) {
		this.accounts = accounts;
		this.environment = environment;
		this.singleSignOn = singleSignOn;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		boolean noAccounts = this.accounts.count() == 0;
		model.addAttribute("failed", request.getParameterMap().containsKey("error"));
		model.addAttribute("loggedOut", request.getParameterMap().containsKey("logout"));
		model.addAttribute("noAccounts", noAccounts);
		model.addAttribute("providers", providers());
		if (noAccounts) {
			model.addAttribute("createCommand", createCommand());
			model.addAttribute("sharedDatabase", sharedDatabase());
		}
		return "console/login";
	}

	/** The OpenID Connect providers to sign in with (none unless configured). */
	List<Provider> providers() {
		List<Provider> providers = new ArrayList<>();
		if (this.singleSignOn.getIfAvailable() instanceof Iterable<?> registrations) {
			for (Object registration : registrations) {
				if (registration instanceof ClientRegistration client) {
					providers.add(new Provider(client.getClientName(),
							"/oauth2/authorization/" + client.getRegistrationId()));
				}
			}
		}
		return providers;
	}

	/**
	 * A link of the login page to an identity provider.
	 *
	 * @param name the provider's name ({@code client-name} of its registration)
	 * @param path where its sign-in starts
	 */
	record Provider(String name, String path) {
	}

	/** The exact command that creates an operator in this process's database. */
	String createCommand() {
		String command = "push-loss-report users add NAME --role operator --password-stdin";
		if (sharedDatabase()) {
			return command;
		}
		String dataDir = this.environment.getProperty("pushloss.data-dir", "./data");
		return command + " --data-dir " + Path.of(dataDir).toAbsolutePath().normalize();
	}

	/** Whether the database is a configured one (PostgreSQL) rather than the data directory's H2 file. */
	boolean sharedDatabase() {
		return StringUtils.hasText(this.environment.getProperty("spring.datasource.url"));
	}

}
