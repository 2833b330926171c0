package io.pushloss.job;

import io.pushloss.ingest.VendorApiProvider;

import io.pushloss.ingest.PushLossApiProvider;

import io.pushloss.api.ApiProperties;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The clock and the vendor API clients of the weekly job.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ApiProperties.class, ShutdownProperties.class })
class JobInfrastructureConfiguration {

	/** The system clock, unless the launcher registered a fixed one (reproducible samples, tests). */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean(PushLossApiProvider.class)
	VendorApiProvider vendorApiProvider(ApiProperties properties, Environment environment, Clock clock) {
		return new VendorApiProvider(properties, environment, clock);
	}

}
