package io.pushloss.ingest;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.pushloss.api.ApiProperties;

/**
 * The vendor API clients of the fetch step: one per job, to the vendor or to the embedded simulator, unless the
 * application (a test) registered its own {@link PushLossApiProvider}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiClientConfiguration {

	@Bean
	@ConditionalOnMissingBean(PushLossApiProvider.class)
	VendorApiProvider vendorApiProvider(ApiProperties properties, Environment environment, Clock clock) {
		return new VendorApiProvider(properties, environment, clock);
	}

}
