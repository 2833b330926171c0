package io.pushloss.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging before (or without) Spring: warnings and errors only, on standard error. Without this, Logback's
 * fallback configuration prints library chatter (Hibernate Validator's version, ...) at DEBUG on standard output,
 * which would corrupt output meant for scripts such as {@code usersig}. Spring Boot replaces this configuration
 * with its own when a command starts the application context.
 */
final class CliLogging {

	private CliLogging() {
	}

	static void quiet() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		context.reset();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%level %logger{36}: %msg%n");
		encoder.start();
		ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(context);
		appender.setTarget("System.err");
		appender.setEncoder(encoder);
		appender.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		root.addAppender(appender);
	}

}
