package io.pushloss.scheduling;

import javax.sql.DataSource;

import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import io.pushloss.delivery.mail.MailModePolicy;
import io.pushloss.runs.RunHistory;
import io.pushloss.store.StoreDatabase;

/**
 * The Quartz job store for the database in use, the health components of {@code serve} (named after their
 * beans: {@code scheduler}, {@code mail}, {@code lastRuns}), and the filter that keeps its management port to
 * loopback names.
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

	/** Before every other filter: a request for another host name is refused before anything reads it. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<LoopbackHostFilter> loopbackHostFilter(ServeProperties serve) {
		FilterRegistrationBean<LoopbackHostFilter> registration = new FilterRegistrationBean<>(
				new LoopbackHostFilter(serve.allowedHosts()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	MailHealthIndicator mailHealthIndicator(MailModePolicy policy, ReportScheduler reportScheduler) {
		return new MailHealthIndicator(policy, reportScheduler::served);
	}

	@Bean
	LastRunsHealthIndicator lastRunsHealthIndicator(ReportScheduler reportScheduler, RunHistory history) {
		return new LastRunsHealthIndicator(reportScheduler, history);
	}

}
