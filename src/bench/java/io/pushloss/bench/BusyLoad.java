package io.pushloss.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The other work of a loaded machine, made reproducible: a child JVM whose threads compute without pause, each one
 * a runnable thread beside the benchmark (load average + 1 on this machine's cores). {@code --pipeline-load=N}
 * runs section 3 beside N of them.
 */
final class BusyLoad implements AutoCloseable {

	private final Process process;

	private BusyLoad(Process process) {
		this.process = process;
	}

	/** Starts {@code threads} busy threads in a child JVM, or nothing when {@code threads} is 0. */
	static BusyLoad start(int threads) throws IOException {
		if (threads <= 0) {
			return new BusyLoad(null);
		}
		Process process = new ProcessBuilder(
				ChildJvm.command(List.of("-Xmx32m", "-XX:+UseSerialGC"), BusyLoad.class.getName(),
						Integer.toString(threads)))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return new BusyLoad(process);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** The child: {@code threads} threads that never wait, until the benchmark kills the process. */
	public static void main(String[] args) {
		int threads = Integer.parseInt(args[0]);
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(BusyLoad::spin, "busy-" + i);
			thread.start();
		}
	}

	private static void spin() {
		long value = System.nanoTime();
		while (!Thread.currentThread().isInterrupted()) {
			// a computation the JIT cannot drop: its result decides whether to print
			value = value * 6364136223846793005L + 1442695040888963407L;
			if (value == 42) {
				System.out.println(value);
			}
		}
	}

}
