package io.pushloss.cli;

import java.util.ArrayList;
import java.util.List;

import io.pushloss.simulator.PushLossSimulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTests {

	private final CliHarness cli = new CliHarness();

	@Test
	void startsTheSimulatorWithTheOptionsAndPrintsHowToReachIt() {
		FakeLauncher launcher = new FakeLauncher();
		this.cli.simulator = launcher;
		int exitCode = this.cli.execute("simulate", "--port", "18089", "--seed", "7");
		assertThat(exitCode).isZero();
		assertThat(launcher.calls).containsExactly("port=18089 seed=7");
		assertThat(this.cli.out()).contains("http://127.0.0.1:18089")
			.contains("1400000000")
			.contains("administrator")
			.contains(PushLossSimulator.DEMO_SECRET_KEY)
			.contains("public demo key");
		assertThat(launcher.closed).isTrue();
	}

	@Test
	void leavesDefaultsToTheSimulator() {
		FakeLauncher launcher = new FakeLauncher();
		this.cli.simulator = launcher;
		this.cli.execute("simulate");
		assertThat(launcher.calls).containsExactly("port=null seed=null");
	}

	@Test
	void rejectsAPortOutOfRange() {
		FakeLauncher launcher = new FakeLauncher();
		this.cli.simulator = launcher;
		int exitCode = this.cli.execute("simulate", "--port", "70000");
		assertThat(exitCode).isEqualTo(2);
		assertThat(launcher.calls).isEmpty();
		assertThat(this.cli.errLines().get(0)).contains("--port 70000");
	}

	@Test
	void rejectsASeedThatIsNotANumber() {
		int exitCode = this.cli.execute("simulate", "--seed", "lucky");
		assertThat(exitCode).isEqualTo(2);
		assertThat(this.cli.errLines()).hasSize(2);
	}

	@Test
	void failsWithOneWhenTheSimulatorCannotStart() {
		int exitCode = this.cli.execute("simulate");
		assertThat(exitCode).isEqualTo(1);
		assertThat(this.cli.errLines()).singleElement().asString().startsWith("push-loss-report simulate: failed: ");
	}

	/** Starts nothing; "terminates" at once. */
	static final class FakeLauncher implements SimulatorLauncher {

		final List<String> calls = new ArrayList<>();

		boolean closed;

		@Override
		public RunningSimulator start(Integer port, Long seed) {
			this.calls.add("port=" + port + " seed=" + seed);
			int actualPort = (port != null) ? port : 8089;
			return new RunningSimulator() {

				@Override
				public String baseUrl() {
					return "http://127.0.0.1:" + actualPort;
				}

				@Override
				public long sdkAppId() {
					return 1400000000L;
				}

				@Override
				public String identifier() {
					return "administrator";
				}

				@Override
				public void awaitTermination() {
				}

				@Override
				public void close() {
					FakeLauncher.this.closed = true;
				}

			};
		}

	}

}
