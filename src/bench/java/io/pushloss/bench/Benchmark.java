package io.pushloss.bench;

import java.util.List;

/**
 * One section of the benchmark: it measures with the run's options, tells its progress on standard error, and
 * returns its figures.
 */
abstract class Benchmark {

	final BenchOptions options;

	final Progress progress;

	Benchmark(BenchOptions options, Progress progress) {
		this.options = options;
		this.progress = progress;
	}

	/** Runs the section; its figures, in the order of the report. */
	abstract List<Figure> run() throws Exception;

}
