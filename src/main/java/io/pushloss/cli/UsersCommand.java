package io.pushloss.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.pushloss.accounts.Account;
import io.pushloss.accounts.Role;
import io.pushloss.cli.ReportOperations.UsersAction;
import io.pushloss.cli.ReportOperations.UsersRequest;

/** {@code users}: the accounts of the console that {@code serve} serves. */
@Command(name = "users", sortOptions = false,
		description = { "Manage the accounts of the web console and JSON API of serve, kept in the database (the "
				+ "data directory's, or the PostgreSQL database of SPRING_DATASOURCE_URL, shared by every node).",
				"Roles: viewer (reads everything, downloads documents), operator (also runs, backfills, pauses and "
						+ "resumes). There is no default account. Passwords are read from standard input only "
						+ "(never an argument), at least 12 characters, and stored as bcrypt hashes." },
		subcommands = { UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Passwd.class,
				UsersCommand.Remove.class },
		footerHeading = "%nExamples:%n",
		footer = { "  push-loss-report users add alice --role operator --password-stdin < alice.pw",
				// a footer is a format string: %% is one %; a line longer than the help's width would wrap unindented
				"  printf '%%s\\n' \"$PW\" \\", "    | push-loss-report users add bob --role viewer --password-stdin",
				"  push-loss-report users list", "  push-loss-report users passwd alice --password-stdin",
				"  push-loss-report users remove bob" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done", "1:the database failed", "2:invalid input (name, role, password, unknown "
				+ "account); nothing written" })
final class UsersCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	HelpOption help;

	@Override
	public Integer call() {
		throw new ParameterException(this.spec.commandLine(), "Missing command: add, list, passwd or remove");
	}

	/** The operating-system user running the command, as the audit trail names it. */
	static String actor() {
		return "cli:" + System.getProperty("user.name", "unknown");
	}

	/** The one NAME of a command, checked; other arguments (perhaps a password) are refused without being shown. */
	static String name(CommandSpec spec, List<String> names) {
		if (names.size() > 1) {
			throw new ParameterException(spec.commandLine(), "takes one NAME, got " + names.size()
					+ " arguments (not shown: a password never goes on the command line, use --password-stdin)");
		}
		String name = names.get(0);
		Account.nameProblem(name).ifPresent((problem) -> {
			throw new ParameterException(spec.commandLine(), problem);
		});
		return name;
	}

	/** {@code --password-stdin}, and a refused {@code --password} whose value is never shown. */
	static final class PasswordOptions {

		@Spec(Spec.Target.MIXEE)
		CommandSpec spec;

		@Option(names = "--password-stdin",
				description = "Read the password from standard input (its first line; typed without echo on a "
						+ "terminal, twice). Required: a password is never an argument.")
		boolean passwordStdin;

		@Option(names = { "--password", "-p" }, hidden = true, arity = "0..1")
		String passwordArgument;

		String read(CliEnvironment environment, String name) {
			if (this.passwordArgument != null) {
				throw new ParameterException(this.spec.commandLine(), "--password is refused (its value is not shown): "
						+ "a password on the command line is seen by every user of the host and kept in shell history; "
						+ "use --password-stdin");
			}
			if (!this.passwordStdin) {
				throw new ParameterException(this.spec.commandLine(), "Missing --password-stdin: the password is read "
						+ "from standard input only (typed, or piped: printf '%s\\n' \"$PW\" | ...)");
			}
			return PasswordInput.read(environment, name);
		}

	}

	/**
	 * What the sub-commands share: the environment, their action, and the one request through which each of them
	 * does its work (with the operating-system user as the actor).
	 */
	abstract static class AccountCommand implements Callable<Integer> {

		private final CliEnvironment environment;

		private final UsersAction action;

		@Spec
		CommandSpec spec;

		AccountCommand(CliEnvironment environment, UsersAction action) {
			this.environment = environment;
			this.action = action;
		}

		/** The one NAME, checked. */
		final String name(List<String> names) {
			return UsersCommand.name(this.spec, names);
		}

		/** The password of the account NAME, from standard input. */
		final String secret(PasswordOptions password, String name) {
			return password.read(this.environment, name);
		}

		/** Does this sub-command's action; name, role and secret are null where it has none. */
		final Integer users(String name, Role role, String secret, DataDirOption dataDir) {
			return this.environment.operations()
				.users(new UsersRequest(this.action, name, role, secret, actor(), dataDir.checked()),
						this.environment.output());
		}

	}

	@Command(name = "add", sortOptions = false,
			description = "Add an account with a role and the password read from standard input.")
	static final class Add extends AccountCommand {

		// more than one argument is accepted only to refuse it without showing it (a password?): one NAME in the help
		@Parameters(paramLabel = "NAME", arity = "1..*", hideParamSyntax = true,
				description = "The login name: lower-case letters, digits, "
						+ "'.', '_', '-' and '@', starting with a letter or digit, at most 64 characters.")
		List<String> names;

		@Option(names = "--role", required = true, paramLabel = "viewer|operator",
				description = "viewer: reads everything; operator: also runs, backfills, pauses and resumes.")
		String role;

		@Mixin
		PasswordOptions password;

		@Mixin
		DataDirOption dataDir;

		@Mixin
		HelpOption help;

		Add(CliEnvironment environment) {
			super(environment, UsersAction.ADD);
		}

		@Override
		public Integer call() {
			String name = name(this.names);
			Role checkedRole;
			try {
				checkedRole = Role.fromCode(this.role);
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(this.spec.commandLine(), "--role: " + ex.getMessage());
			}
			return users(name, checkedRole, secret(this.password, name), this.dataDir);
		}

	}

	@Command(name = "list", sortOptions = false,
			description = "List the accounts: name, role, when added, and whether locked after failed logins. "
					+ "Creates nothing when the data directory has no database yet.")
	static final class ListAccounts extends AccountCommand {

		@Mixin
		DataDirOption dataDir;

		@Mixin
		HelpOption help;

		ListAccounts(CliEnvironment environment) {
			super(environment, UsersAction.LIST);
		}

		@Override
		public Integer call() {
			return users(null, null, null, this.dataDir);
		}

	}

	@Command(name = "passwd", sortOptions = false,
			description = "Change an account's password (read from standard input); also unlocks it.")
	static final class Passwd extends AccountCommand {

		@Parameters(paramLabel = "NAME", arity = "1..*", hideParamSyntax = true, description = "The account.")
		List<String> names;

		@Mixin
		PasswordOptions password;

		@Mixin
		DataDirOption dataDir;

		@Mixin
		HelpOption help;

		Passwd(CliEnvironment environment) {
			super(environment, UsersAction.PASSWD);
		}

		@Override
		public Integer call() {
			String name = name(this.names);
			return users(name, null, secret(this.password, name), this.dataDir);
		}

	}

	@Command(name = "remove", sortOptions = false,
			description = "Remove an account: it can no longer log in or call the API, and a browser session it has "
					+ "open ends at its next request.")
	static final class Remove extends AccountCommand {

		@Parameters(paramLabel = "NAME", arity = "1..*", hideParamSyntax = true, description = "The account.")
		List<String> names;

		@Mixin
		DataDirOption dataDir;

		@Mixin
		HelpOption help;

		Remove(CliEnvironment environment) {
			super(environment, UsersAction.REMOVE);
		}

		@Override
		public Integer call() {
			return users(name(this.names), null, null, this.dataDir);
		}

	}

}
