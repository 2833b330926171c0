package io.pushloss.cli;

import java.util.concurrent.CountDownLatch;

import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

/**
 * Starts the embedded vendor API simulator for {@code simulate}, on 127.0.0.1 only.
 */
final class EmbeddedSimulatorLauncher implements SimulatorLauncher {

	/** The port {@code simulate} listens on when none is given. */
	static final int DEFAULT_PORT = 8089;

	@Override
	public RunningSimulator start(Integer port, Long seed) {
		SimulatorSettings settings = SimulatorSettings.defaults().withPort((port != null) ? port : DEFAULT_PORT);
		if (seed != null) {
			settings = settings.withSeed(seed);
		}
		PushLossSimulator simulator = PushLossSimulator.start(settings);
		return new Running(simulator);
	}

	private static final class Running implements RunningSimulator {

		private final PushLossSimulator simulator;

		private final CountDownLatch stopped = new CountDownLatch(1);

		Running(PushLossSimulator simulator) {
			this.simulator = simulator;
		}

		@Override
		public String baseUrl() {
			return this.simulator.baseUrl();
		}

		@Override
		public long sdkAppId() {
			return this.simulator.settings().sdkAppId();
		}

		@Override
		public String identifier() {
			return this.simulator.settings().identifier();
		}

		@Override
		public void awaitTermination() throws InterruptedException {
			this.stopped.await();
		}

		@Override
		public void close() {
			if (this.stopped.getCount() > 0) {
				this.simulator.close();
				this.stopped.countDown();
			}
		}

	}

}
