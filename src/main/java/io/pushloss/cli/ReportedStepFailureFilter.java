package io.pushloss.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps Spring Batch's own error lines about a failing step ("Encountered an error executing step ...", "Rolling
 * back chunk transaction") off the console of the foreground commands: the command's result already says, in one
 * line, which step failed and why, and says it better (window, task, code, what to do). The log file still gets
 * them, with their stack traces.
 */
public class ReportedStepFailureFilter extends Filter<ILoggingEvent> {

	static final String STEP_LOGGERS = "org.springframework.batch.core.step.";

	@Override
	public FilterReply decide(ILoggingEvent event) {
		return (event.getLevel() == Level.ERROR && event.getLoggerName().startsWith(STEP_LOGGERS)) ? FilterReply.DENY
				: FilterReply.NEUTRAL;
	}

}
