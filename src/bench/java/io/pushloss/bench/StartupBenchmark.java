package io.pushloss.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.pushloss.domain.IsoWeek;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;

/**
 * Section 6, start-up: each command started the previous way ({@code java -jar} of the fat jar, or of a previous
 * build's jar with {@code --startup-baseline}) and the documented fast way ({@code bin/pushloss}: the extracted
 * jar with a class-data-sharing archive), alternately, in one run; the medians and their ratio (fast / previous).
 * The read-only commands ({@code --version}, {@code validate}, {@code usersig}, {@code runs}) are timed from
 * starting the process to its exit; {@code run} from starting the process to the first request reaching a
 * simulator in the benchmark's JVM (the job's {@code base-url}), after which the process is stopped. Each way has
 * a data directory of its own (a previous jar cannot open this build's embedded database, whose password is
 * generated): the first {@code run} of each creates it (the database and every migration), the others reuse it, as
 * weekly runs do; {@code runs} lists that directory's runs. {@code bin/pushloss} prepares its folder before the timing (once per
 * build).
 */
final class StartupBenchmark extends Benchmark {

	static final String SECTION = "6 start-up";

	private final Path dir;

	StartupBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
		this.dir = options.workDir().resolve("startup");
	}

	@Override
	List<Figure> run() throws Exception {
		Files.createDirectories(this.dir);
		// one data directory each way: this build's database has a generated password (issue 19), which a previous
		// jar cannot open, and a previous jar's database would be upgraded by this build's first start
		Path previousData = this.dir.resolve("data-previous");
		Path fastData = this.dir.resolve("data-fast");
		if (!Files.isRegularFile(this.options.jar())) {
			throw new IllegalStateException("No jar at " + this.options.jar() + "; the bench profile builds it");
		}
		Path script = Path.of("bin/pushloss").toAbsolutePath();
		String previous = "java -jar " + relative(this.options.startupBaseline());
		int runs = Math.max(1, this.options.startupRuns()) + 1;
		SimulatorSettings settings = SimulatorSettings.defaults().withCallsPerSecond(this.options.callsPerSecond());
		List<Figure> figures = new ArrayList<>();
		try (PushLossSimulator simulator = PushLossSimulator.start(settings)) {
			Path job = Files.writeString(this.dir.resolve("bench-startup.yml"), jobFile(simulator));
			this.progress.step("start-up: preparing bin/pushloss (extract, CDS training run)");
			long prepare = System.nanoTime();
			exitMillis(List.of(script.toString(), "--version"));
			this.progress.note(String.format("prepared in %.0f s", (System.nanoTime() - prepare) / 1e9));
			// run: the first start each way creates its data directory, the others reuse it; the two ways alternate
			double[] fat = new double[runs];
			double[] fast = new double[runs];
			double newDataDir = 0;
			double newDataDirFast = 0;
			for (int run = 0; run <= runs; run++) {
				// another week each time: every run has windows to fetch
				IsoWeek week = IsoWeek.parse("2026-W46").minusWeeks(run * 6);
				List<String> previousArgs = List.of("run", job.toString(), "--week", week.toString(), "--data-dir",
						previousData.toString(), "--no-email");
				List<String> fastArgs = List.of("run", job.toString(), "--week", week.toString(), "--data-dir",
						fastData.toString(), "--no-email");
				if (run == 0) {
					this.progress.step("start-up: " + previous + " run (new data directory)");
					newDataDir = firstCallMillis(simulator, previous(previousArgs));
					this.progress.step("start-up: bin/pushloss run (new data directory)");
					newDataDirFast = firstCallMillis(simulator, fast(script, fastArgs));
					continue;
				}
				boolean fastFirst = run % 2 == 0;
				double a = firstCallMillis(simulator, fastFirst ? fast(script, fastArgs) : previous(previousArgs));
				double b = firstCallMillis(simulator, fastFirst ? previous(previousArgs) : fast(script, fastArgs));
				fast[run - 1] = fastFirst ? a : b;
				fat[run - 1] = fastFirst ? b : a;
				this.progress.note(String.format("run to first call: previous %.0f ms, bin/pushloss %.0f ms",
						fat[run - 1], fast[run - 1]));
			}
			figures.add(compare("run", "run: process start to first API call", fat, fast, 0.5, previous));
			figures.add(Figure.info("startup.newDataDirMillis", SECTION, "run on a new data directory (" + previous
					+ ")", Math.round(newDataDir), "ms", "includes creating the database (every migration)"));
			figures.add(Figure.info("startup.newDataDirFastMillis", SECTION, "run on a new data directory (bin/pushloss)",
					Math.round(newDataDirFast), "ms", "includes creating the database (every migration)"));
			figures.add(readOnly("runs", List.of("runs", "--data-dir", previousData.toString()),
					List.of("runs", "--data-dir", fastData.toString()), script, previous, runs, 0.25));
			figures.add(readOnly("validate", List.of("validate", job.toString()), script, previous, runs, 0.25));
			figures.add(readOnly("usersig", List.of("usersig", job.toString()), script, previous, runs, Double.NaN));
			figures.add(readOnly("version", List.of("--version"), script, previous, runs, Double.NaN));
		}
		return figures;
	}

	private Figure readOnly(String name, List<String> args, Path script, String previous, int runs, double goal)
			throws Exception {
		return readOnly(name, args, args, script, previous, runs, goal);
	}

	/** A command started each way with its own arguments (its own data directory). */
	private Figure readOnly(String name, List<String> args, List<String> fastArgs, Path script, String previous,
			int runs, double goal) throws Exception {
		this.progress.step("start-up: " + String.join(" ", args.subList(0, 1)) + ", " + runs + " times each way");
		double[] fat = new double[runs];
		double[] fast = new double[runs];
		for (int run = 0; run < runs; run++) {
			boolean fastFirst = run % 2 == 0;
			double a = exitMillis(fastFirst ? fast(script, fastArgs) : previous(args));
			double b = exitMillis(fastFirst ? previous(args) : fast(script, fastArgs));
			fast[run] = fastFirst ? a : b;
			fat[run] = fastFirst ? b : a;
		}
		this.progress.note(String.format("%s: previous %.0f ms, bin/pushloss %.0f ms (medians)", name, median(fat),
				median(fast)));
		return compare(name, name + ": process start to exit", fat, fast, goal, previous);
	}

	private static Figure compare(String name, String label, double[] fat, double[] fast, double goal,
			String previous) {
		double ratio = median(fast) / median(fat);
		String note = String.format("bin/pushloss %.0f ms / %s %.0f ms (medians of %d: %s / %s)", median(fast),
				previous, median(fat), fat.length, Arrays.toString(rounded(fast)), Arrays.toString(rounded(fat)));
		String id = "startup." + name + "Ratio";
		return Double.isNaN(goal) ? Figure.info(id, SECTION, label + ", fast / previous", ratio, "ratio", note)
				: Figure.atMost(id, SECTION, label + ", fast / previous", ratio, "ratio", goal, note);
	}

	private List<String> previous(List<String> args) {
		List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-jar",
				this.options.startupBaseline().toString()));
		command.addAll(args);
		return command;
	}

	private static List<String> fast(Path script, List<String> args) {
		List<String> command = new ArrayList<>(List.of(script.toString()));
		command.addAll(args);
		return command;
	}

	private ProcessBuilder builder(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("run.log").toFile());
		Map<String, String> environment = builder.environment();
		environment.put("PUSHLOSS_BENCH_SECRET_KEY", PushLossSimulator.DEMO_SECRET_KEY);
		environment.put("PUSHLOSS_API_CALLS_PER_SECOND", Numbers.format(this.options.callsPerSecond()));
		// the job calls the benchmark's simulator as its vendor: without SMTP, its email goes to the outbox on purpose
		environment.put("PUSHLOSS_MAIL_OUTBOX_ONLY", "true");
		environment.put("PUSHLOSS_JAR", this.options.jar().toString());
		environment.put("JAVA", ChildJvm.java());
		return builder;
	}

	private double exitMillis(List<String> command) throws Exception {
		long start = System.nanoTime();
		Process process = builder(command).start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException("Still running after 10 minutes: " + command);
		}
		double millis = Numbers.millis(System.nanoTime() - start);
		if (process.exitValue() != 0) {
			throw new IllegalStateException("Exit " + process.exitValue() + " from " + command + "; see "
					+ this.dir.resolve("run.log"));
		}
		return millis;
	}

	private double firstCallMillis(PushLossSimulator simulator, List<String> command) throws Exception {
		long before = simulator.calls();
		long start = System.nanoTime();
		Process process = builder(command).start();
		try {
			while (simulator.calls() == before) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The run ended (exit " + process.exitValue()
							+ ") before calling the simulator; see " + this.dir.resolve("run.log"));
				}
				if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(3)) {
					throw new IllegalStateException("No call within 3 minutes: " + command);
				}
				Thread.sleep(1);
			}
			return Numbers.millis(System.nanoTime() - start);
		}
		finally {
			// the script execs java, so this is the JVM itself
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private static long[] rounded(double[] values) {
		return Arrays.stream(values).mapToLong(Math::round).toArray();
	}

	private static Path relative(Path path) {
		Path here = Path.of("").toAbsolutePath();
		return path.startsWith(here) ? here.relativize(path) : path;
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
