package io.pushloss.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.pushloss.cli.CliEnvironment;
import io.pushloss.cli.Main;

/** Runs a main class of this classpath in a JVM of its own (for figures that need a heap of their own). */
final class ChildJvm {

	/**
	 * The time of the program's child processes (and of the simulators they call), as in the tests: Wednesday of
	 * 2026-W47 in Shanghai, so that the last complete week, which every run and firing reports, is 2026-W46.
	 */
	static final String NOW = io.pushloss.ChildJvm.NOW;

	private ChildJvm() {
	}

	/** The {@code java} executable of the running JVM. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A command line running {@code mainClass} with this JVM's classpath and the given JVM options. */
	static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass);
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * A command line running the program ({@code io.pushloss.cli.Main}) with these arguments, its clock fixed at
	 * {@link #NOW}, C1 only and the serial collector (a short-lived process starts faster), and the given further
	 * JVM options (a heap limit).
	 */
	static List<String> program(List<String> jvmOptions, String... args) {
		List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		options.addAll(jvmOptions);
		options.add("-D" + CliEnvironment.CLOCK_PROPERTY + "=" + NOW);
		return command(options, Main.class.getName(), args);
	}

	/**
	 * Runs the command to its end, passing its standard error through, and returns the standard output line that
	 * starts with {@code marker}.
	 * @throws IllegalStateException when it fails or prints no such line
	 */
	static String runForLine(List<String> command, Map<String, String> environment, String marker, long timeoutSeconds)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String found = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith(marker)) {
					found = line;
				}
			}
		}
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + command);
		}
		if (process.exitValue() != 0 || found == null) {
			throw new IllegalStateException(
					"Child JVM exited with " + process.exitValue() + " and no " + marker + " line: " + command);
		}
		return found;
	}

}
