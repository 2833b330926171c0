package io.pushloss.cli;

/**
 * Entry point of {@code push-loss-report.jar}.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		System.out.println("push-loss-report: commands arrive with the CLI");
	}

}
