package io.pushloss.cli;

/**
 * Placeholder until {@code PushLossSimulator.start(SimulatorSettings)} exists; the real launcher calls
 * {@code PushLossSimulator.start(SimulatorSettings.defaults().withPort(port).withSeed(seed))}.
 */
final class PendingSimulatorLauncher implements SimulatorLauncher {

	@Override
	public RunningSimulator start(Integer port, Long seed) {
		throw new UnsupportedOperationException("the simulator is not available in this build yet");
	}

}
