package io.pushloss.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.pushloss.simulator.PushLossSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "simulate", sortOptions = false,
		description = { "Start the Tencent Cloud Chat push-loss API simulator on 127.0.0.1 and serve until Ctrl-C.",
				"It answers all_member_push_loss and normal_push_loss like the vendor, with deterministic data "
						+ "from the seed, and accepts the public demo key. Point a job at it with `base-url`." })
final class SimulateCommand implements Callable<Integer> {

	private final CliEnvironment environment;

	@Spec
	CommandSpec spec;

	@Option(names = "--port", paramLabel = "N",
			description = "TCP port on 127.0.0.1, 0 for any free port (default: the simulator's default port).")
	Integer port;

	@Option(names = "--seed", paramLabel = "N",
			description = "Seed of the generated data; the same seed gives the same numbers (default: the simulator's, 42).")
	Long seed;

	@Mixin
	HelpOption help;

	SimulateCommand(CliEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public Integer call() throws Exception {
		if (this.port != null && (this.port < 0 || this.port > 65535)) {
			throw new ParameterException(this.spec.commandLine(),
					"--port " + this.port + " is not a TCP port (0 to 65535)");
		}
		SimulatorLauncher.RunningSimulator simulator = this.environment.simulator().start(this.port, this.seed);
		Thread stopper = new Thread(simulator::close, "simulator-shutdown");
		Runtime.getRuntime().addShutdownHook(stopper);
		try (simulator) {
			PrintWriter out = this.environment.output().out();
			out.println("Simulator listening on " + simulator.baseUrl());
			out.println("  sdkappid:   " + simulator.sdkAppId());
			out.println("  identifier: " + simulator.identifier());
			out.println("  secret key: " + PushLossSimulator.DEMO_SECRET_KEY
					+ " (the public demo key; never use it for a real application)");
			out.println("Press Ctrl-C to stop.");
			out.flush();
			simulator.awaitTermination();
		}
		finally {
			removeHook(stopper);
		}
		return ReportOperations.SUCCESS;
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down, which is how this command normally ends
		}
	}

}
