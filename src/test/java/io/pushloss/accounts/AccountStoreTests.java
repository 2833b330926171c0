package io.pushloss.accounts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import io.pushloss.MutableClock;
import io.pushloss.PostgresTestDatabase;
import io.pushloss.TestMigrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accounts in the database: added, listed, re-passworded and removed, stored as bcrypt hashes only, and locked
 * for a while after repeated failed logins, on H2 and on PostgreSQL alike.
 */
class AccountStoreTests {

	static final String PASSWORD = "correct horse battery staple";

	static final Instant NOW = Instant.parse("2026-11-18T02:00:00Z");

	/** The same behaviour on an H2 database migrated as the application does. */
	@Nested
	class OnH2 extends Behaviour {

		@Override
		DataSource dataSource() {
			return TestMigrations.migratedH2();
		}

	}

	/** The same behaviour on a PostgreSQL database (skipped without a server, except in CI). */
	@Nested
	class OnPostgres extends Behaviour {

		@Override
		DataSource dataSource() {
			PostgresTestDatabase database = PostgresTestDatabase.create();
			this.cleanup = database;
			DriverManagerDataSource postgres = new DriverManagerDataSource(database.url(), "postgres", "");
			Flyway.configure()
				.dataSource(postgres)
				.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
				.load()
				.migrate();
			return postgres;
		}

	}

	abstract static class Behaviour {

		AutoCloseable cleanup;

		final MutableClock clock = new MutableClock(NOW);

		abstract DataSource dataSource();

		private AccountStore store(DataSource dataSource) {
			return new AccountStore(dataSource, PasswordEncoderFactories.createDelegatingPasswordEncoder(), this.clock,
					AccountsProperties.DEFAULTS);
		}

		@org.junit.jupiter.api.AfterEach
		void dropDatabase() throws Exception {
			if (this.cleanup != null) {
				this.cleanup.close();
			}
		}

		@Test
		void keepsAnAddedAccountWithItsRoleAndOnlyABcryptHashOfItsPassword() throws Exception {
			DataSource dataSource = dataSource();
			AccountStore accounts = store(dataSource);

			accounts.add("alice", Role.OPERATOR, PASSWORD);
			accounts.add("bob", Role.VIEWER, PASSWORD + " too");

			assertThat(accounts.list()).extracting(Account::name, Account::role, Account::createdAt)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("alice", Role.OPERATOR, NOW),
						org.assertj.core.groups.Tuple.tuple("bob", Role.VIEWER, NOW));
			assertThat(accounts.count()).isEqualTo(2);
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet hash = statement
						.executeQuery("SELECT password_hash FROM console_account WHERE name = 'alice'")) {
				assertThat(hash.next()).isTrue();
				assertThat(hash.getString(1)).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
			}
		}

		@Test
		void refusesATakenNameABadNameAndAShortPasswordWithoutWritingAnything() {
			AccountStore accounts = store(dataSource());
			accounts.add("alice", Role.OPERATOR, PASSWORD);

			assertThatThrownBy(() -> accounts.add("alice", Role.VIEWER, PASSWORD)).isInstanceOf(AccountException.class)
				.hasMessageContaining("exists already");
			assertThatThrownBy(() -> accounts.add("Alice Smith", Role.VIEWER, PASSWORD))
				.isInstanceOf(AccountException.class)
				.hasMessageContaining("is not an account name");
			assertThatThrownBy(() -> accounts.add("carol", Role.VIEWER, "short-pw"))
				.isInstanceOf(AccountException.class)
				.hasMessage("the password is too short: 8 characters, at least 12 are required");
			assertThat(accounts.list()).extracting(Account::name).containsExactly("alice");
			assertThat(accounts.find("alice")).map(Account::role).contains(Role.OPERATOR);
		}

		@Test
		void changesAPasswordAndRemovesAnAccount() {
			AccountStore accounts = store(dataSource());
			AccountAuthenticationProvider provider = new AccountAuthenticationProvider(accounts, this.clock);
			accounts.add("alice", Role.OPERATOR, PASSWORD);

			assertThat(accounts.changePassword("alice", "a brand new passphrase")).isTrue();
			assertThat(accounts.changePassword("nobody", "a brand new passphrase")).isFalse();

			assertThatThrownBy(() -> provider.authenticate(login("alice", PASSWORD)))
				.isInstanceOf(BadCredentialsException.class);
			assertThat(provider.authenticate(login("alice", "a brand new passphrase")).isAuthenticated()).isTrue();
			assertThat(accounts.remove("alice")).isTrue();
			assertThat(accounts.remove("alice")).isFalse();
			assertThat(accounts.count()).isZero();
		}

		@Test
		void authenticatesWithTheRoleAsAuthority() {
			AccountStore accounts = store(dataSource());
			accounts.add("bob", Role.VIEWER, PASSWORD);

			Authentication bob = new AccountAuthenticationProvider(accounts, this.clock)
				.authenticate(login("bob", PASSWORD));

			assertThat(bob.getName()).isEqualTo("bob");
			assertThat(bob.getCredentials()).isNull();
			assertThat(bob.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER");
		}

		@Test
		void locksAnAccountAfterFiveFailuresForFifteenMinutesEvenForTheRightPassword() {
			AccountStore accounts = store(dataSource());
			AccountAuthenticationProvider provider = new AccountAuthenticationProvider(accounts, this.clock);
			accounts.add("alice", Role.OPERATOR, PASSWORD);

			for (int attempt = 1; attempt <= 4; attempt++) {
				assertThatThrownBy(() -> provider.authenticate(login("alice", "wrong password!")))
					.isInstanceOf(BadCredentialsException.class);
			}
			assertThat(accounts.find("alice").orElseThrow().failedAttempts()).isEqualTo(4);
			assertThatThrownBy(() -> provider.authenticate(login("alice", "wrong password!")))
				.isInstanceOf(BadCredentialsException.class);
			Account locked = accounts.find("alice").orElseThrow();
			assertThat(locked.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
			assertThat(locked.lockedAt(this.clock.instant())).isTrue();

			this.clock.advance(Duration.ofMinutes(14));
			assertThatThrownBy(() -> provider.authenticate(login("alice", PASSWORD)))
				.isInstanceOf(BadCredentialsException.class)
				.hasMessage(AccountAuthenticationProvider.REFUSED);

			this.clock.advance(Duration.ofMinutes(1));
			assertThat(provider.authenticate(login("alice", PASSWORD)).isAuthenticated()).isTrue();
		}

		@Test
		void aSuccessfulLoginStartsTheCountOfFailuresAgain() {
			AccountStore accounts = store(dataSource());
			AccountAuthenticationProvider provider = new AccountAuthenticationProvider(accounts, this.clock);
			accounts.add("alice", Role.OPERATOR, PASSWORD);
			for (int attempt = 1; attempt <= 3; attempt++) {
				assertThatThrownBy(() -> provider.authenticate(login("alice", "wrong password!")))
					.isInstanceOf(BadCredentialsException.class);
			}

			provider.authenticate(login("alice", PASSWORD));

			assertThat(accounts.find("alice").orElseThrow().failedAttempts()).isZero();
		}

		@Test
		void refusesAnUnknownNameAWrongPasswordAndALockedAccountAlike() {
			AccountStore accounts = store(dataSource());
			AccountAuthenticationProvider provider = new AccountAuthenticationProvider(accounts, this.clock);
			accounts.add("alice", Role.OPERATOR, PASSWORD);
			accounts.add("bob", Role.VIEWER, PASSWORD);
			for (int attempt = 1; attempt <= 5; attempt++) {
				assertThatThrownBy(() -> provider.authenticate(login("bob", "wrong password!")));
			}

			assertThatThrownBy(() -> provider.authenticate(login("nobody", PASSWORD)))
				.isExactlyInstanceOf(BadCredentialsException.class)
				.hasMessage("Bad credentials");
			assertThatThrownBy(() -> provider.authenticate(login("alice", "wrong password!")))
				.isExactlyInstanceOf(BadCredentialsException.class)
				.hasMessage("Bad credentials");
			assertThatThrownBy(() -> provider.authenticate(login("bob", PASSWORD)))
				.isExactlyInstanceOf(BadCredentialsException.class)
				.hasMessage("Bad credentials");
		}

		private static UsernamePasswordAuthenticationToken login(String name, String password) {
			return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
		}

	}

}
