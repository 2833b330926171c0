package io.pushloss.scheduling;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.pushloss.runs.RunHistory;
import io.pushloss.store.StoreDatabase;

/**
 * The Quartz job store for the database in use, and the health components of {@code serve} (named after their
 * beans: {@code scheduler}, {@code lastRuns}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServeProperties.class)
class SchedulingConfiguration {

	@Bean
	ClusteredQuartzCustomizer clusteredQuartzCustomizer(QuartzProperties quartz, StoreDatabase database,
			ServeProperties serve) {
		return new ClusteredQuartzCustomizer(quartz, database, serve);
	}

	@Bean
	SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler, ReportScheduler reportScheduler,
			DataSource dataSource) {
		return new SchedulerHealthIndicator(scheduler, reportScheduler, new JdbcTemplate(dataSource));
	}

	@Bean
	LastRunsHealthIndicator lastRunsHealthIndicator(ReportScheduler reportScheduler, RunHistory history) {
		return new LastRunsHealthIndicator(reportScheduler, history);
	}

}
