package io.pushloss.console.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import io.pushloss.TestMigrations;
import io.pushloss.accounts.AccountAuthenticationProvider;
import io.pushloss.accounts.AccountStore;
import io.pushloss.accounts.AccountsProperties;

/**
 * The beans the console's security needs, for the web slices of its tests: a fixed clock, the accounts over a fresh
 * migrated H2 database, and their authentication provider. A test's {@code @Configuration} extends it (it is no
 * {@code @Configuration} itself, so that no component scan of the application ever picks it up).
 */
class ConsoleAccountsContext {

	@Bean
	Clock clock() {
		return Clock.fixed(Instant.parse("2026-11-18T02:00:00Z"), ZoneOffset.UTC);
	}

	@Bean
	DataSource dataSource() {
		return TestMigrations.migratedH2();
	}

	@Bean
	AccountStore accountStore(DataSource dataSource, Clock clock) {
		return new AccountStore(dataSource, PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock,
				AccountsProperties.DEFAULTS);
	}

	@Bean
	AccountAuthenticationProvider accountAuthenticationProvider(AccountStore accountStore, Clock clock) {
		return new AccountAuthenticationProvider(accountStore, clock);
	}

}
