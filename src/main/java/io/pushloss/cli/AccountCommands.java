package io.pushloss.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import io.pushloss.accounts.Account;
import io.pushloss.accounts.AccountException;
import io.pushloss.accounts.AccountStore;
import io.pushloss.accounts.AccountsProperties;
import io.pushloss.accounts.AuditAction;
import io.pushloss.accounts.AuditTrail;
import io.pushloss.cli.ReportOperations.UsersRequest;
import io.pushloss.domain.DataDirectoryLock;
import io.pushloss.store.DirectDatabase;

/**
 * The {@code users} commands against the database. The light path, as {@code runs}: one connection, no application
 * context. Only when the database does not exist yet, or lacks the accounts' tables (migration V13), is the
 * application started once, which creates or migrates it (on the embedded database under the data directory's owner
 * lock, as a run would).
 */
final class AccountCommands {

	/** The first migration with both the accounts and the audit trail. */
	static final int ACCOUNTS_MIGRATION = 13;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final UnaryOperator<String> property;

	private final boolean embedded;

	private final Function<Path, ConfigurableApplicationContext> starter;

	private final Duration patience;

	/**
	 * @param clock what "now" is (creation times, the audit trail)
	 * @param property an application property ({@code spring.datasource.*}, {@code pushloss.accounts.*}), {@code null}
	 * when unset
	 * @param embedded whether the database is the data directory's H2 file
	 * @param starter starts the application on a data directory (migrating its database)
	 * @param patience how long to wait for the data directory's locks
	 */
	AccountCommands(Clock clock, UnaryOperator<String> property, boolean embedded,
			Function<Path, ConfigurableApplicationContext> starter, Duration patience) {
		this.clock = clock;
		this.property = property;
		this.embedded = embedded;
		this.starter = starter;
		this.patience = patience;
	}

	int execute(UsersRequest request, CommandOutput output) {
		AccountsProperties settings;
		try {
			settings = settings();
		}
		catch (IllegalArgumentException ex) {
			output.err().println("users: " + ex.getMessage());
			return ReportOperations.INVALID_INPUT;
		}
		if (request.password() != null) {
			Optional<String> problem = settings.passwordProblem(request.password());
			if (problem.isPresent()) {
				output.err().println("users " + verb(request) + ": " + problem.get() + "; nothing was changed");
				return ReportOperations.INVALID_INPUT;
			}
		}
		boolean hasDatabase = !this.embedded || request.dataDir().resolve("db").resolve("pushloss.mv.db").toFile().isFile();
		if (!hasDatabase && request.action() != ReportOperations.UsersAction.ADD) {
			if (request.action() == ReportOperations.UsersAction.LIST) {
				output.out().println("No accounts (the data directory has no database yet).");
				return ReportOperations.SUCCESS;
			}
			output.err().println("users " + verb(request) + ": there is no account named '" + request.name()
					+ "' (the data directory " + request.dataDir() + " has no database yet)");
			return ReportOperations.INVALID_INPUT;
		}
		try {
			if (hasDatabase) {
				try (DataDirectoryLock lock = this.embedded ? DataDirectoryLock.reader(request.dataDir(), this.patience)
						: null; DirectDatabase database = DirectDatabase.open(request.dataDir(), this.property)) {
					DirectDatabase.Schema schema = database.schema();
					if (schema.installed().isPresent() && schema.installed().getAsInt() >= ACCOUNTS_MIGRATION) {
						return apply(request, database.dataSource(), settings, output);
					}
				}
				if (request.action() == ReportOperations.UsersAction.LIST) {
					output.out().println("No accounts (the database has no accounts table yet; users add, run or "
							+ "serve creates it).");
					return ReportOperations.SUCCESS;
				}
			}
			// create or migrate the database, as a run would
			try (DataDirectoryLock lock = this.embedded ? DataDirectoryLock.owner(request.dataDir(),
					"users " + verb(request), this.clock.instant(), this.patience) : null;
					ConfigurableApplicationContext context = this.starter.apply(request.dataDir())) {
				if (lock != null) {
					lock.opened();
				}
				return apply(request, context.getBean(DataSource.class), settings, output);
			}
		}
		catch (RuntimeException ex) {
			output.err().println("users " + verb(request) + ": failed: " + new FailureLine(this.property).describe(ex));
			return ReportOperations.FAILED;
		}
	}

	private int apply(UsersRequest request, DataSource dataSource, AccountsProperties settings, CommandOutput output) {
		AccountStore accounts = new AccountStore(dataSource, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				this.clock, settings);
		AuditTrail audit = new AuditTrail(dataSource, this.clock);
		PrintWriter out = output.out();
		String name = request.name();
		try {
			switch (request.action()) {
				case ADD -> {
					Account account = accounts.add(name, request.role(), request.password());
					audit.record(request.actor(), AuditAction.USER_ADDED, name + " (" + account.role().code() + ")");
					out.println("Added " + account.role().code() + " '" + name + "'.");
				}
				case LIST -> print(accounts.list(), out);
				case PASSWD -> {
					if (!accounts.changePassword(name, request.password())) {
						return unknown(request, output);
					}
					audit.record(request.actor(), AuditAction.PASSWORD_CHANGED, name);
					out.println("Changed the password of '" + name + "' (and unlocked it).");
				}
				case REMOVE -> {
					if (!accounts.remove(name)) {
						return unknown(request, output);
					}
					audit.record(request.actor(), AuditAction.USER_REMOVED, name);
					out.println("Removed '" + name + "'.");
				}
			}
			return ReportOperations.SUCCESS;
		}
		catch (AccountException ex) {
			output.err().println("users " + verb(request) + ": " + ex.getMessage());
			return ReportOperations.INVALID_INPUT;
		}
	}

	private void print(List<Account> accounts, PrintWriter out) {
		if (accounts.isEmpty()) {
			out.println("No accounts. Add one: push-loss-report users add NAME --role operator --password-stdin");
			return;
		}
		out.printf("%-32s %-9s %-18s %s%n", "NAME", "ROLE", "ADDED", "LOCKED");
		for (Account account : accounts) {
			String locked = account.lockedAt(this.clock.instant()) ? "until " + TIME.format(account.lockedUntil())
					: (account.failedAttempts() > 0) ? "no (" + account.failedAttempts() + " failed logins)" : "no";
			out.printf("%-32s %-9s %-18s %s%n", account.name(), account.role().code(), TIME.format(account.createdAt()),
					locked);
		}
	}

	private static int unknown(UsersRequest request, CommandOutput output) {
		output.err().println("users " + verb(request) + ": there is no account named '" + request.name()
				+ "' (users list shows them)");
		return ReportOperations.INVALID_INPUT;
	}

	private static String verb(UsersRequest request) {
		return request.action().name().toLowerCase(java.util.Locale.ROOT);
	}

	/** {@code pushloss.accounts.*} as the application would bind them. */
	AccountsProperties settings() {
		AccountsProperties defaults = AccountsProperties.DEFAULTS;
		return new AccountsProperties(
				integer("pushloss.accounts.max-failed-attempts", defaults.maxFailedAttempts()),
				Optional.ofNullable(this.property.apply("pushloss.accounts.lock-duration"))
					.map((value) -> DurationStyle.detectAndParse(value.strip()))
					.orElse(defaults.lockDuration()),
				integer("pushloss.accounts.min-password-length", defaults.minPasswordLength()));
	}

	private int integer(String name, int fallback) {
		String value = this.property.apply(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " '" + value + "' is not a number", ex);
		}
	}

}
