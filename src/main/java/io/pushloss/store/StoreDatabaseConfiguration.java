package io.pushloss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pushloss.domain.DataDirectoryProperties;

/**
 * The one H2 file database under the data directory, shared by the Spring Batch job repository and the store of
 * record. Spring Boot does not treat a file URL as embedded, so schema set-up is explicit in application.yml.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataDirectoryProperties.class)
class StoreDatabaseConfiguration {

	// Created only when something needs the database, that is when a command that runs jobs starts its context.
	@Bean
	DataSource dataSource(DataDirectoryProperties dataDirectory) {
		H2Loopback.apply();
		try {
			Files.createDirectories(EmbeddedDatabase.base(dataDirectory).getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDirectory.absoluteDataDir()
					+ " (pushloss.data-dir): " + ex.getMessage(), ex);
		}
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.h2.Driver")
			.url(EmbeddedDatabase.jdbcUrl(dataDirectory))
			.username("sa")
			.password("")
			.build();
	}

}
