package io.pushloss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.domain.PrivateFiles;

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
		Path folder = EmbeddedDatabase.base(dataDirectory).getParent();
		try {
			PrivateFiles.ensureDirectory(dataDirectory.absoluteDataDir());
			PrivateFiles.directory(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDirectory.absoluteDataDir()
					+ " (pushloss.data-dir): " + ex.getMessage(), ex);
		}
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.h2.Driver")
			.url(EmbeddedDatabase.jdbcUrl(dataDirectory))
			.username(EmbeddedDatabase.USER)
			.password(EmbeddedCredential.password(dataDirectory))
			.build();
		return dataSource;
	}

	/**
	 * Once the embedded database is open, the files H2 made in {@code <data-dir>/db/} (database, lock file with the
	 * address of its TCP server, trace) are made owner-only, whatever the umask gave them; the folder already keeps
	 * everybody else out.
	 */
	@Bean
	StoreDatabase storeDatabase(DataSource dataSource, DataDirectoryProperties dataDirectory) {
		StoreDatabase database = StoreDatabase.of(dataSource);
		if (database.kind() == StoreDatabase.Kind.H2) {
			PrivateFiles.restrictFolder(EmbeddedDatabase.base(dataDirectory).getParent());
		}
		return database;
	}

}
