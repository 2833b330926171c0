package io.pushloss.scheduling;

import java.util.Properties;

import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import io.pushloss.store.StoreDatabase;

/**
 * Quartz's JDBC job store for the database in use. On PostgreSQL, shared by several {@code serve} nodes, Quartz runs
 * clustered: every node has its own instance id, checks in every {@code pushloss.serve.cluster-checkin-interval},
 * and a node that stops checking in is taken to be dead, its firings recovered by another node. On the embedded H2
 * database it stays a single scheduler with the standard delegate.
 */
class ClusteredQuartzCustomizer implements SchedulerFactoryBeanCustomizer {

	static final String POSTGRESQL_DELEGATE = "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";

	private final QuartzProperties quartz;

	private final StoreDatabase database;

	private final ServeProperties serve;

	ClusteredQuartzCustomizer(QuartzProperties quartz, StoreDatabase database, ServeProperties serve) {
		this.quartz = quartz;
		this.database = database;
		this.serve = serve;
	}

	@Override
	public void customize(SchedulerFactoryBean schedulerFactoryBean) {
		schedulerFactoryBean.setQuartzProperties(properties());
	}

	/** Boot's {@code spring.quartz.properties}, with the clustering of a shared database. */
	Properties properties() {
		Properties properties = new Properties();
		properties.putAll(this.quartz.getProperties());
		if (this.database.shared()) {
			properties.setProperty("org.quartz.jobStore.driverDelegateClass", POSTGRESQL_DELEGATE);
			properties.setProperty("org.quartz.jobStore.isClustered", "true");
			properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
			properties.setProperty("org.quartz.jobStore.clusterCheckinInterval",
					Long.toString(this.serve.clusterCheckinInterval().toMillis()));
		}
		return properties;
	}

}
