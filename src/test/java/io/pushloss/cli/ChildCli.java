package io.pushloss.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.pushloss.ChildJvm;

/**
 * Runs {@code io.pushloss.cli.Main} as a real child process ({@link ChildJvm}: this JVM's class path, a fixed
 * clock) with a chosen environment, and captures its output (standard output and error, merged) line by line;
 * optionally kills it with SIGKILL right after its k-th line, as a crash or {@code kill -9} would.
 */
final class ChildCli {

	private static final long TIMEOUT_MINUTES = 3;

	private final Path workDir;

	private final Map<String, String> environment = new HashMap<>();

	private int runs;

	ChildCli(Path workDir) {
		this.workDir = workDir;
	}

	ChildCli env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	/** Runs to the end. */
	Result run(String... args) {
		return run(0, args);
	}

	/**
	 * Runs, killing the process with SIGKILL right after it printed line {@code killAfterLine} (0: never).
	 * @return the exit code (137 when killed) and the lines read; the lines are also kept in {@code child-<n>.out}
	 */
	Result run(int killAfterLine, String... args) {
		ProcessBuilder builder = ChildJvm.command(this.workDir, List.of(), List.of(args));
		builder.environment().putAll(this.environment);
		Path transcript = this.workDir.resolve("child-" + (++this.runs) + ".out");
		List<String> lines = new ArrayList<>();
		boolean killed = false;
		String killedAfter = null;
		try {
			Process process = builder.start();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					lines.add(line);
					if (!killed && killAfterLine > 0 && lines.size() == killAfterLine) {
						// destroying the process closes its streams: stop reading here
						process.destroyForcibly();
						killed = true;
						killedAfter = line;
						break;
					}
				}
			}
			if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new AssertionError("The child process did not end within " + TIMEOUT_MINUTES + " minutes: "
						+ transcript);
			}
			Files.write(transcript, lines, StandardCharsets.UTF_8);
			return new Result(process.exitValue(), killedAfter, List.copyOf(lines), transcript);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param exitCode the process's exit code, 137 when it was killed
	 * @param killedAfter the line after which it was killed, {@code null} when it was not
	 * @param lines what it printed
	 * @param transcript the file holding {@code lines}
	 */
	record Result(int exitCode, String killedAfter, List<String> lines, Path transcript) {

		boolean killed() {
			return this.killedAfter != null;
		}

		String output() {
			return String.join("\n", this.lines);
		}

	}

}
