package io.pushloss.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps off the console of the commands the log lines about a failure the command reports itself, in one line and
 * better; the log file still gets them, with their stack traces:
 * <ul>
 * <li>Spring Batch's own error lines about a failing step ("Encountered an error executing step ...", "Rolling back
 * chunk transaction"): the command's result says which step failed and why (window, task, code, what to do);</li>
 * <li>Spring Boot's report of an application that could not start (the context's "Exception encountered during
 * context initialization", "Application run failed", the multi-line "APPLICATION FAILED TO START" analysis): the
 * command says what is wrong in one line naming the port, setting, database or file ({@link FailureLine}).</li>
 * </ul>
 */
public class ReportedFailureFilter extends Filter<ILoggingEvent> {

	static final String STEP_LOGGERS = "org.springframework.batch.core.step.";

	static final String FAILURE_ANALYSIS = "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter";

	static final String SPRING_APPLICATION = "org.springframework.boot.SpringApplication";

	static final String CONTEXT_REFRESH_FAILED = "Exception encountered during context initialization";

	@Override
	public FilterReply decide(ILoggingEvent event) {
		String logger = event.getLoggerName();
		boolean error = event.getLevel() == Level.ERROR;
		boolean reported = (error && logger.startsWith(STEP_LOGGERS)) || logger.equals(FAILURE_ANALYSIS)
				|| (error && logger.equals(SPRING_APPLICATION))
				|| (event.getLevel() == Level.WARN && event.getMessage() != null
						&& event.getMessage().startsWith(CONTEXT_REFRESH_FAILED));
		return reported ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

}
