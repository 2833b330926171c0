package io.pushloss.scheduling;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;

import io.pushloss.store.StoreDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class ClusteredQuartzCustomizerTests {

	private final QuartzProperties quartz = new QuartzProperties();

	private final ServeProperties serve = new ServeProperties(9090, Duration.ofMinutes(10), Duration.ofSeconds(3));

	ClusteredQuartzCustomizerTests() {
		this.quartz.getProperties()
			.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
		this.quartz.getProperties().put("org.quartz.threadPool.threadCount", "2");
	}

	@Test
	void onPostgresqlQuartzRunsClusteredWithItsDelegateAndTheCheckInInterval() {
		Properties properties = new ClusteredQuartzCustomizer(this.quartz,
				new StoreDatabase(StoreDatabase.Kind.POSTGRESQL, "jdbc:postgresql://db/pushloss"), this.serve)
			.properties();

		assertThat(properties).containsEntry("org.quartz.jobStore.isClustered", "true")
			.containsEntry("org.quartz.scheduler.instanceId", "AUTO")
			.containsEntry("org.quartz.jobStore.clusterCheckinInterval", "3000")
			.containsEntry("org.quartz.jobStore.driverDelegateClass", ClusteredQuartzCustomizer.POSTGRESQL_DELEGATE)
			.containsEntry("org.quartz.threadPool.threadCount", "2");
	}

	@Test
	void onTheEmbeddedDatabaseQuartzIsOneSchedulerAsConfigured() {
		Properties properties = new ClusteredQuartzCustomizer(this.quartz,
				new StoreDatabase(StoreDatabase.Kind.H2, "jdbc:h2:file:/data/db/pushloss"), this.serve)
			.properties();

		assertThat(properties).doesNotContainKey("org.quartz.jobStore.isClustered")
			.containsEntry("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
	}

}
