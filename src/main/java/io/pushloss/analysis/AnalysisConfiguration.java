package io.pushloss.analysis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the analysis settings and loads the remediation catalogue once at start-up (a broken catalogue stops the
 * application with the entry at fault instead of failing a report later).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ AnalysisProperties.class, AnomalyThresholds.class })
class AnalysisConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AnalysisConfiguration.class);

	@Bean
	RemediationCatalogue remediationCatalogue(AnalysisProperties properties) {
		RemediationCatalogue catalogue = RemediationCatalogue.load(properties.catalogue());
		logger.info("Remediation catalogue " + properties.catalogue().getDescription() + " version "
				+ catalogue.version() + ": " + catalogue.size() + " entries");
		return catalogue;
	}

	/** The texts of every report language, from the bundles under {@code i18n/}. */
	@Bean
	ReportTexts reportTexts() {
		return ReportTexts.bundled();
	}

}
