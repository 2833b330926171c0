package io.pushloss.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportedFailureFilterTests {

	private final ReportedFailureFilter filter = new ReportedFailureFilter();

	private final LoggerContext context = new LoggerContext();

	@Test
	void keepsSpringBatchStepErrorsOffTheConsole() {
		assertThat(decide("org.springframework.batch.core.step.AbstractStep", Level.ERROR)).isEqualTo(FilterReply.DENY);
		assertThat(decide("org.springframework.batch.core.step.item.ChunkOrientedStep", Level.ERROR))
			.isEqualTo(FilterReply.DENY);
	}

	@Test
	void keepsSpringBootsReportOfAnApplicationThatDidNotStartOffTheConsole() {
		assertThat(decide("org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", Level.ERROR))
			.isEqualTo(FilterReply.DENY);
		assertThat(decide("org.springframework.boot.SpringApplication", Level.ERROR)).isEqualTo(FilterReply.DENY);
		assertThat(decide("org.springframework.context.annotation.AnnotationConfigApplicationContext", Level.WARN,
				"Exception encountered during context initialization - cancelling refresh attempt: ..."))
			.isEqualTo(FilterReply.DENY);
	}

	@Test
	void letsEverythingElseThrough() {
		assertThat(decide("org.springframework.batch.core.step.AbstractStep", Level.WARN))
			.isEqualTo(FilterReply.NEUTRAL);
		assertThat(decide("org.springframework.batch.core.job.AbstractJob", Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
		assertThat(decide("io.pushloss.api.PushLossClient", Level.ERROR)).isEqualTo(FilterReply.NEUTRAL);
		assertThat(decide("org.springframework.boot.SpringApplication", Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
		assertThat(decide("io.pushloss.job.WeeklyReportRunner", Level.WARN, "Exception in a window"))
			.isEqualTo(FilterReply.NEUTRAL);
	}

	private FilterReply decide(String logger, Level level) {
		return decide(logger, level, "message");
	}

	private FilterReply decide(String logger, Level level, String message) {
		LoggingEvent event = new LoggingEvent("test", this.context.getLogger(logger), level, message, null, null);
		return this.filter.decide(event);
	}

}
