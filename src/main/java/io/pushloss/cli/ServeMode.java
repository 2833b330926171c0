package io.pushloss.cli;

import java.time.Clock;

/**
 * {@code serve}: the long-running scheduler process.
 */
final class ServeMode {

	private final Clock clock;

	ServeMode(Clock clock) {
		this.clock = clock;
	}

	int serve(ReportOperations.ServeRequest request, CommandOutput output) {
		output.err().println("serve is not available yet");
		return ReportOperations.FAILED;
	}

}
