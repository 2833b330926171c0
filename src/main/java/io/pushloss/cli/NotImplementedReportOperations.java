package io.pushloss.cli;

/**
 * Stands in for the Spring-backed operations until they exist: says so and fails.
 */
final class NotImplementedReportOperations implements ReportOperations {

	@Override
	public int run(RunRequest request, CommandOutput output) {
		return notImplemented("run", output);
	}

	@Override
	public int backfill(BackfillRequest request, CommandOutput output) {
		return notImplemented("backfill", output);
	}

	@Override
	public int serve(ServeRequest request, CommandOutput output) {
		return notImplemented("serve", output);
	}

	@Override
	public int restart(RestartRequest request, CommandOutput output) {
		return notImplemented("restart", output);
	}

	@Override
	public int runs(RunsRequest request, CommandOutput output) {
		return notImplemented("runs", output);
	}

	private static int notImplemented(String command, CommandOutput output) {
		output.err().println("push-loss-report " + command + ": not implemented yet");
		return FAILED;
	}

}
