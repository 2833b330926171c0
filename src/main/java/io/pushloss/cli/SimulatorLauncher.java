package io.pushloss.cli;

/**
 * Starts the vendor API simulator for {@code simulate}. Behind an interface so that the command can be written
 * and tested before (and independently of) the simulator itself.
 */
public interface SimulatorLauncher {

	/**
	 * Starts a simulator on 127.0.0.1.
	 * @param port the port, or {@code null} for the simulator's default
	 * @param seed the data seed, or {@code null} for the simulator's default
	 * @return the running simulator
	 * @throws Exception when it cannot start (port in use, ...)
	 */
	RunningSimulator start(Integer port, Long seed) throws Exception;

	/** A started simulator. */
	interface RunningSimulator extends AutoCloseable {

		/** Such as {@code http://127.0.0.1:8089}. */
		String baseUrl();

		/** The SDKAppID it accepts. */
		long sdkAppId();

		/** The administrator identifier it accepts. */
		String identifier();

		/** Blocks until the simulator stops (after {@link #close()}, for example from a shutdown hook). */
		void awaitTermination() throws InterruptedException;

		/** Stops the simulator; idempotent. */
		@Override
		void close();

	}

}
