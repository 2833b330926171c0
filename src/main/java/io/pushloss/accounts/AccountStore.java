package io.pushloss.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's accounts in the database ({@code console_account}): every SQL statement on that table. Passwords are
 * stored only as hashes of the given encoder (Spring Security's delegating encoder: {@code {bcrypt}...}); nothing
 * here logs or returns a password or a hash. Works with the application's data source or with the one connection of
 * a command that starts no application.
 */
public class AccountStore {

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final AccountsProperties properties;

	/**
	 * @param dataSource the program's database, migrated to V12 at least
	 * @param encoder hashes passwords (the delegating encoder)
	 * @param clock what "now" is (creation times, locks)
	 * @param properties lockout and password rules
	 */
	public AccountStore(DataSource dataSource, PasswordEncoder encoder, Clock clock, AccountsProperties properties) {
		this.jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
		this.encoder = Objects.requireNonNull(encoder, "encoder");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.properties = Objects.requireNonNull(properties, "properties");
	}

	/**
	 * Why a password is not acceptable, empty when it is ({@link AccountsProperties#passwordProblem(CharSequence)}).
	 * @param password the password as read
	 */
	public Optional<String> passwordProblem(CharSequence password) {
		return this.properties.passwordProblem(password);
	}

	/**
	 * Adds an account.
	 * @param name a valid name ({@link Account#nameProblem(String)})
	 * @param role its role
	 * @param password an acceptable password ({@link #passwordProblem(CharSequence)})
	 * @return the account added
	 * @throws AccountException when the name or password is not acceptable or the name is taken
	 */
	public Account add(String name, Role role, CharSequence password) {
		check(name, password);
		Objects.requireNonNull(role, "role");
		Instant now = this.clock.instant();
		try {
			this.jdbc.update(
					"INSERT INTO console_account (name, password_hash, role, created_at, failed_attempts) VALUES (?, ?, ?, ?, 0)",
					name, this.encoder.encode(password), role.name(), timestamp(now));
		}
		catch (DuplicateKeyException ex) {
			throw new AccountException("an account named '" + name + "' exists already (users passwd changes its "
					+ "password; users remove, then add, changes its role)");
		}
		return new Account(name, role, now, 0, null);
	}

	/**
	 * Changes an account's password, and unlocks it.
	 * @return whether the account exists
	 * @throws AccountException when the password is not acceptable
	 */
	public boolean changePassword(String name, CharSequence password) {
		check(name, password);
		return this.jdbc.update(
				"UPDATE console_account SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE name = ?",
				this.encoder.encode(password), name) > 0;
	}

	/**
	 * Removes an account.
	 * @return whether it existed
	 */
	public boolean remove(String name) {
		return this.jdbc.update("DELETE FROM console_account WHERE name = ?", name) > 0;
	}

	/** Every account, by name. */
	public List<Account> list() {
		return this.jdbc.query("SELECT name, role, created_at, failed_attempts, locked_until FROM console_account "
				+ "ORDER BY name", AccountStore::account);
	}

	/** The account of this name, if any. */
	public Optional<Account> find(String name) {
		return this.jdbc
			.query("SELECT name, role, created_at, failed_attempts, locked_until FROM console_account WHERE name = ?",
					AccountStore::account, name)
			.stream()
			.findFirst();
	}

	/** How many accounts there are (none: the login page says how to create one). */
	public int count() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM console_account", Integer.class);
		return (count != null) ? count : 0;
	}

	/** The account and its password hash, for authentication only. */
	Optional<StoredCredentials> credentials(String name) {
		return this.jdbc.query(
				"SELECT name, role, created_at, failed_attempts, locked_until, password_hash FROM console_account WHERE name = ?",
				(rs, row) -> new StoredCredentials(account(rs, row), rs.getString("password_hash")), name)
			.stream()
			.findFirst();
	}

	/**
	 * Counts a failed login; the one that reaches {@link AccountsProperties#maxFailedAttempts()} locks the account
	 * for {@link AccountsProperties#lockDuration()} and starts the count again. Safe when several nodes count at once.
	 */
	void recordFailure(String name) {
		this.jdbc.update("UPDATE console_account SET failed_attempts = failed_attempts + 1 WHERE name = ?", name);
		Instant until = this.clock.instant().plus(this.properties.lockDuration());
		this.jdbc.update("UPDATE console_account SET locked_until = ?, failed_attempts = 0 WHERE name = ? AND "
				+ "failed_attempts >= ?", timestamp(until), name, this.properties.maxFailedAttempts());
	}

	/** A successful login: the count of failures starts again. */
	void recordSuccess(String name) {
		this.jdbc.update("UPDATE console_account SET failed_attempts = 0 WHERE name = ? AND failed_attempts <> 0", name);
	}

	/** The password encoder, to spend the same time on an unknown name as on a known one. */
	PasswordEncoder encoder() {
		return this.encoder;
	}

	private void check(String name, CharSequence password) {
		Optional<String> problem = Account.nameProblem(name).or(() -> passwordProblem(password));
		if (problem.isPresent()) {
			throw new AccountException(problem.get());
		}
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
		return new Account(rs.getString("name"), Role.valueOf(rs.getString("role")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("failed_attempts"),
				(locked != null) ? locked.toInstant() : null);
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * An account with its password hash; never leaves this package.
	 *
	 * @param account the account
	 * @param passwordHash the encoder's hash
	 */
	record StoredCredentials(Account account, String passwordHash) {

		@Override
		public String toString() {
			return "StoredCredentials[" + this.account + "]";
		}

	}

}
