package io.pushloss.job;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock of the weekly job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ShutdownProperties.class, WeekLockProperties.class, NodeProperties.class })
class JobInfrastructureConfiguration {

	/** The system clock, unless the launcher registered a fixed one (reproducible samples, tests). */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
