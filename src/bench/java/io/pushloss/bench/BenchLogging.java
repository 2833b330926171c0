package io.pushloss.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Logging outside the Spring contexts: warnings only (a retry is a warning), and nothing at debug level, which
 * logback's default configuration would otherwise print for every simulated call.
 */
final class BenchLogging {

	private BenchLogging() {
	}

	static void quiet() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
	}

}
