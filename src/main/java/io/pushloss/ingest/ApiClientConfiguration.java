package io.pushloss.ingest;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.pushloss.api.ApiProperties;
import io.pushloss.api.SharedCallSlots;

/**
 * The vendor API clients of the fetch step: one per job, to the vendor or to the embedded simulator, their calls
 * spaced with every other process on the same application through the shared call slots, unless the application
 * (a test) registered its own {@link PushLossApiProvider}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiClientConfiguration {

	@Bean
	@ConditionalOnMissingBean(PushLossApiProvider.class)
	VendorApiProvider vendorApiProvider(ApiProperties properties, Environment environment, Clock clock,
			SharedCallSlots sharedSlots) {
		return new VendorApiProvider(properties, environment, clock, sharedSlots);
	}

}
