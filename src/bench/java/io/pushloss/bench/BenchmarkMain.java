package io.pushloss.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The benchmark command ({@code mvn -Pbench verify}, see doc/bench.md): runs the sections asked for, prints every
 * figure as a table (or JSON with {@code --json}) on standard output, progress on standard error, and writes the
 * JSON to {@code <work-dir>/results.json}. Not a test: nothing here asserts a timing; a missed goal is reported,
 * and the exit status is 0 whenever every section ran.
 */
public final class BenchmarkMain {

	/** The sections in the order they run, each by its name in {@code --only}. */
	private static final List<Section> SECTIONS = List.of(new Section("rate", RateCeilingBenchmark::new),
			new Section("incremental", IncrementalBenchmark::new), new Section("pipeline", PipelineBenchmark::new),
			new Section("excel", ExcelBenchmark::new), new Section("analysis", AnalysisQueryBenchmark::new),
			new Section("shared", SharedLimitBenchmark::new), new Section("failover", FailoverBenchmark::new),
			new Section("startup", StartupBenchmark::new));

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.parse(args);
		// Standard output carries only the result: everything else (logs included) goes to standard error.
		PrintStream out = System.out;
		System.setOut(System.err);
		BenchLogging.quiet();
		Progress progress = new Progress(System.err);
		Machine machine = Machine.describe();
		progress.step("benchmark on " + machine.summary() + "; sections " + options.sections());
		Instant started = Instant.now();
		WorkDirectory.reset(options.workDir());
		List<Figure> figures = new ArrayList<>();
		for (Section section : SECTIONS) {
			if (options.runs(section.name())) {
				figures.addAll(section.benchmark().apply(options, progress).run());
			}
		}
		double loadAfter = Machine.currentLoadAverage();
		Map<String, Object> results = Report.results(options, machine, started, progress.elapsedSeconds(), loadAfter,
				figures);
		String json = Report.json(results);
		Files.writeString(options.workDir().resolve("results.json"), json);
		out.print(options.json() ? json : Report.table(machine, progress.elapsedSeconds(), loadAfter, figures));
		out.flush();
		progress.step("done; JSON in " + options.workDir().resolve("results.json"));
	}

	/** A section of the benchmark: its name, and how it is made. */
	private record Section(String name, BiFunction<BenchOptions, Progress, Benchmark> benchmark) {
	}

	/** Empties the work directory of a previous run. */
	static final class WorkDirectory {

		private WorkDirectory() {
		}

		static void reset(Path dir) throws IOException {
			if (Files.exists(dir)) {
				try (var paths = Files.walk(dir)) {
					for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(path);
					}
				}
			}
			Files.createDirectories(dir);
		}

	}

}
