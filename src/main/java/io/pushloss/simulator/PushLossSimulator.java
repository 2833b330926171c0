package io.pushloss.simulator;

/**
 * PLACEHOLDER so that the CLI compiles before the simulator lands; the simulator branch replaces this file.
 */
public final class PushLossSimulator {

	/** The public demo key the simulator accepts; never use it for a real application. */
	public static final String DEMO_SECRET_KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

	private PushLossSimulator() {
	}

}
