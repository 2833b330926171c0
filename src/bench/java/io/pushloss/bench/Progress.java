package io.pushloss.bench;

import java.io.PrintStream;

/** Progress lines on standard error, so that standard output carries only the table or the JSON. */
final class Progress {

	private final PrintStream err;

	private final long start = System.nanoTime();

	Progress(PrintStream err) {
		this.err = err;
	}

	void step(String what) {
		this.err.printf("[bench %6.1f s] %s%n", Numbers.seconds(System.nanoTime() - this.start), what);
		this.err.flush();
	}

	void note(String what) {
		this.err.println("               " + what);
		this.err.flush();
	}

	double elapsedSeconds() {
		return Numbers.seconds(System.nanoTime() - this.start);
	}

}
