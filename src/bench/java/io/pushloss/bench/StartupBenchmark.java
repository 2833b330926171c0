package io.pushloss.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.pushloss.domain.IsoWeek;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

/**
 * Section 6, start-up: the time from starting a process that runs {@code run <job> --week ...} (the packaged jar,
 * or the CLI main class on this classpath when no jar was built) to the first request reaching a simulator in the
 * benchmark's JVM, which the job's {@code base-url} points at. The process is stopped once the call arrived. The
 * first start opens a new data directory (the database is created); the others reuse it, as a weekly run does.
 */
final class StartupBenchmark {

	static final String SECTION = "6 start-up";

	private final BenchOptions options;

	private final Progress progress;

	StartupBenchmark(BenchOptions options, Progress progress) {
		this.options = options;
		this.progress = progress;
	}

	List<Figure> run() throws Exception {
		Path dir = Files.createDirectories(this.options.workDir().resolve("startup"));
		Path dataDir = dir.resolve("data");
		boolean jar = Files.isRegularFile(this.options.jar());
		String how = jar ? "java -jar " + Path.of("").toAbsolutePath().relativize(this.options.jar())
				: "java -cp <classpath> io.pushloss.cli.Main (no jar built)";
		SimulatorSettings settings = SimulatorSettings.defaults().withCallsPerSecond(this.options.callsPerSecond());
		double[] millis = new double[Math.max(1, this.options.startupRuns()) + 1];
		try (PushLossSimulator simulator = PushLossSimulator.start(settings)) {
			Path job = Files.writeString(dir.resolve("bench-startup.yml"), jobFile(simulator));
			for (int run = 0; run < millis.length; run++) {
				// another week each time: every run has windows to fetch
				IsoWeek week = IsoWeek.parse("2026-W46").minusWeeks(run * 6);
				this.progress.step("start-up: " + how + " run " + job.getFileName() + " --week " + week
						+ ((run == 0) ? " (new data directory)" : ""));
				millis[run] = firstCallMillis(simulator, command(jar, job, week, dataDir));
				this.progress.note(String.format("first call after %.0f ms", millis[run]));
			}
		}
		double[] reused = Arrays.copyOfRange(millis, 1, millis.length);
		Arrays.sort(reused);
		double median = (reused.length % 2 == 1) ? reused[reused.length / 2]
				: (reused[reused.length / 2 - 1] + reused[reused.length / 2]) / 2;
		List<Figure> figures = new ArrayList<>();
		figures.add(Figure.info("startup.firstCallMillis", SECTION, "process start to first API call", Math.round(median),
				"ms", "median of " + reused.length + " starts on an existing data directory " + Arrays.toString(
						Arrays.stream(reused).mapToLong(Math::round).toArray()) + "; " + how));
		figures.add(Figure.info("startup.newDataDirMillis", SECTION, "the same, new data directory",
				Math.round(millis[0]), "ms", "includes creating the H2 database (Flyway V1 to V4)"));
		return figures;
	}

	private List<String> command(boolean jar, Path job, IsoWeek week, Path dataDir) {
		List<String> args = List.of("run", job.toString(), "--week", week.toString(), "--data-dir", dataDir.toString(),
				"--no-email");
		if (jar) {
			List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-jar", this.options.jar().toString()));
			command.addAll(args);
			return command;
		}
		return ChildJvm.command(List.of(), "io.pushloss.cli.Main", args.toArray(String[]::new));
	}

	private double firstCallMillis(PushLossSimulator simulator, List<String> command) throws Exception {
		long before = simulator.calls();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.options.workDir().resolve("startup").resolve("run.log").toFile());
		builder.environment().put("PUSHLOSS_BENCH_SECRET_KEY", PushLossSimulator.DEMO_SECRET_KEY);
		builder.environment().put("PUSHLOSS_API_CALLS_PER_SECOND", Numbers.format(this.options.callsPerSecond()));
		long start = System.nanoTime();
		Process process = builder.start();
		try {
			while (simulator.calls() == before) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The run ended (exit " + process.exitValue()
							+ ") before calling the simulator; see " + this.options.workDir().resolve("startup/run.log"));
				}
				if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(3)) {
					throw new IllegalStateException("No call within 3 minutes: " + command);
				}
				Thread.sleep(1);
			}
			return Numbers.millis(System.nanoTime() - start);
		}
		finally {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private static String jobFile(PushLossSimulator simulator) {
		SimulatorSettings settings = simulator.settings();
		return """
				# written by the benchmark: the simulator in the benchmark's JVM stands in for the vendor
				name: bench-startup
				zone: Asia/Shanghai
				schedule: "0 0 9 ? * MON"
				api:
				  base-url: %s
				  sdkappid: %d
				  identifier: %s
				  secret-key-env: PUSHLOSS_BENCH_SECRET_KEY
				sources:
				  normal: true
				  all-member-tasks: [spring-sale, app-update]
				recipients:
				  to: [pm@example.com]
				owners: [oncall@example.com]
				""".formatted(simulator.baseUrl(), settings.sdkAppId(), settings.identifier());
	}

}
