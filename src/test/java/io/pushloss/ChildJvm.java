package io.pushloss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.pushloss.simulator.PushLossSimulator;

/**
 * The program as a real child process, for the tests that kill it (SIGKILL) or run several at once: its command on
 * this JVM's class path with a fixed clock, and what its embedded simulator answered, read back from its log.
 */
public final class ChildJvm {

	/** Wednesday of 2026-W47 in Shanghai: the last complete week is 2026-W46. */
	public static final String NOW = "2026-11-18T02:00:00Z";

	/** The simulator's DEBUG line for a window it answered (the window: source, start and end, tasks). */
	private static final Pattern SIMULATOR_ANSWER = Pattern
		.compile("PushLossSimulator\\s*: (\\S+ \\[\\d+, \\d+\\) tasks=\\[[^]]*\\]) -> OK");

	private ChildJvm() {
	}

	/**
	 * A process of {@code io.pushloss.cli.Main} with these arguments, run in {@code workDir}, its standard error
	 * merged into its standard output, the clock fixed at {@link #NOW}, and none of the build's own
	 * {@code PUSHLOSS_*}, {@code SPRING_*}, {@code TIM_SECRET_KEY} or {@code JAVA_TOOL_OPTIONS} variables: the
	 * caller puts the ones it wants into {@code environment()}.
	 * @param workDir the working directory
	 * @param jvmOptions further options of the JVM (a heap limit)
	 * @param args the command line
	 */
	public static ProcessBuilder command(Path workDir, List<String> jvmOptions, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// C1 only and the serial collector: a short-lived CLI process starts and renders about twice as fast
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-XX:+UseSerialGC");
		command.addAll(jvmOptions);
		command.add("-Dpushloss.now=" + NOW);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("io.pushloss.cli.Main");
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("PUSHLOSS_") || name.startsWith("SPRING_")
				|| name.equals("TIM_SECRET_KEY") || name.startsWith("JAVA_TOOL_OPTIONS"));
		return builder;
	}

	/**
	 * Writes the job file {@code <name>.yml} of a child process: in Asia/Shanghai, against its embedded simulator
	 * (seed 42), signing with the key in {@code TIM_SECRET_KEY}.
	 * @param schedule the job's cron
	 * @param rest the job's lines from {@code sources:} on
	 */
	public static Path writeJob(Path dir, String name, String schedule, String rest) throws IOException {
		return writeJob(dir, name, schedule, """
				  simulator: true
				  simulator-seed: 42
				  sdkappid: 1400000000
				""", "TIM_SECRET_KEY", rest);
	}

	/**
	 * Writes the job file {@code <name>.yml} of a child process: in Asia/Shanghai, calling a simulator that the
	 * parent runs (its base URL and application).
	 * @param schedule the job's cron
	 * @param secretKeyEnv the variable of the key it signs with
	 * @param rest the job's lines from {@code sources:} on
	 */
	public static Path writeJob(Path dir, String name, String schedule, PushLossSimulator simulator,
			String secretKeyEnv, String rest) throws IOException {
		return writeJob(dir, name, schedule, """
				  base-url: %s
				  sdkappid: %d
				""".formatted(simulator.baseUrl(), simulator.settings().sdkAppId()), secretKeyEnv, rest);
	}

	private static Path writeJob(Path dir, String name, String schedule, String api, String secretKeyEnv,
			String rest) throws IOException {
		return Files.writeString(dir.resolve(name + ".yml"), """
				name: %s
				zone: Asia/Shanghai
				schedule: "%s"
				api:
				""".formatted(name, schedule) + api + """
				  identifier: administrator
				  secret-key-env: %s
				""".formatted(secretKeyEnv) + rest);
	}

	/**
	 * Counts the windows answered by the embedded simulator of the processes that used a data directory, from its
	 * DEBUG lines in the data directory's log ({@code LOGGING_LEVEL_IO_PUSHLOSS_SIMULATOR=DEBUG}).
	 * @param dataDir the data directory
	 * @param counts where to add them (window to number of answers)
	 * @return {@code counts}
	 */
	public static Map<String, Integer> fetchesPerWindow(Path dataDir, Map<String, Integer> counts) {
		Path log = dataDir.resolve("logs").resolve("push-loss-report.log");
		try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
			lines.forEach((line) -> {
				Matcher answer = SIMULATOR_ANSWER.matcher(line);
				if (answer.find()) {
					counts.merge(answer.group(1), 1, Integer::sum);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return counts;
	}

}
