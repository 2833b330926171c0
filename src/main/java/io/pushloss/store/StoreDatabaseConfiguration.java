package io.pushloss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import io.pushloss.domain.DataDirectoryProperties;

/**
 * The one database of the program, shared by the store of record, the Spring Batch job repository, the delivery
 * ledger and the Quartz job store: PostgreSQL when {@code spring.datasource.url} is set (with Boot's
 * {@code spring.datasource.username} / {@code password}, e.g. {@code SPRING_DATASOURCE_URL}), otherwise the H2 file
 * under the data directory. Flyway creates the tables of either (application.yml names the locations).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataDirectoryProperties.class)
class StoreDatabaseConfiguration {

	// Created only when something needs the database, that is when a command that runs jobs starts its context.
	@Bean
	DataSource dataSource(DataDirectoryProperties dataDirectory, DataSourceProperties properties) {
		if (StringUtils.hasText(properties.getUrl())) {
			return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		}
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

	@Bean
	StoreDatabase storeDatabase(DataSource dataSource) {
		return StoreDatabase.of(dataSource);
	}

}
