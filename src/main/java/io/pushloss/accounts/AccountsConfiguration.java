package io.pushloss.accounts;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The accounts, their authentication and the audit trail, over the program's database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
public class AccountsConfiguration {

	/** Spring Security's delegating encoder: bcrypt for new hashes, any known {@code {id}} for stored ones. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AccountStore accountStore(DataSource dataSource, PasswordEncoder passwordEncoder, Clock clock,
			AccountsProperties properties) {
		return new AccountStore(dataSource, passwordEncoder, clock, properties);
	}

	@Bean
	AccountUserDetailsService accountUserDetailsService(AccountStore accountStore, Clock clock) {
		return new AccountUserDetailsService(accountStore, clock);
	}

	@Bean
	AccountAuthenticationProvider accountAuthenticationProvider(AccountStore accountStore, Clock clock) {
		return new AccountAuthenticationProvider(accountStore, clock);
	}

	@Bean
	AuditTrail auditTrail(DataSource dataSource, Clock clock) {
		return new AuditTrail(dataSource, clock);
	}

}
