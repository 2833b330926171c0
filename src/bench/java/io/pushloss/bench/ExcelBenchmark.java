package io.pushloss.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section 4, the Excel Raw sheet: for each size, the product's writer (every sheet and chart, Raw streamed) and a
 * bare SXSSF loop writing the same cells, each in a JVM of its own under {@code -Xmx<excel-heap-mb>m}
 * ({@code io.pushloss.report.excel.RawSheetBenchmark}): the time ratio and each size's peak heap.
 */
final class ExcelBenchmark extends Benchmark {

	static final String SECTION = "4 excel raw sheet";

	private static final String CHILD = "io.pushloss.report.excel.RawSheetBenchmark";

	ExcelBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
	}

	@Override
	List<Figure> run() throws Exception {
		List<Figure> figures = new ArrayList<>();
		List<Result> writers = new ArrayList<>();
		int heap = this.options.excelHeapMb();
		for (long rows : this.options.excelRows()) {
			// small sizes are measured three times, alternately, and the medians compared: a few seconds of work
			// on a shared machine are easily disturbed
			int repeats = (rows <= 200_000) ? 3 : 1;
			List<Result> writerRuns = new ArrayList<>();
			List<Result> bareRuns = new ArrayList<>();
			for (int i = 0; i < repeats; i++) {
				writerRuns.add(measure("writer", rows));
				bareRuns.add(measure("bare", rows));
			}
			Result writer = Result.median(writerRuns);
			Result bare = Result.median(bareRuns);
			writers.add(writer);
			String size = Numbers.format(rows) + " rows";
			figures.add(Figure.atMost("excel.ratio." + rows, SECTION, "time writer / bare SXSSF, " + size,
					Numbers.round((double) writer.millis() / bare.millis(), 3), "ratio", 1.3,
					String.format("writer %.1f s, bare %.1f s%s, file %.1f MB", writer.millis() / 1000.0,
							bare.millis() / 1000.0, (repeats > 1) ? " (medians of " + repeats + " runs each)" : "",
							Numbers.megabytes(writer.fileBytes()))));
			figures.add(Figure.atMost("excel.peakUsedMb." + rows, SECTION, "peak heap used (writer), " + size,
					Numbers.megabytes(writer.peakUsed()), "MB", heap,
					"sum of the heap pools' peaks, garbage included, -Xmx" + heap + "m; bare SXSSF "
							+ Numbers.format(Numbers.megabytes(bare.peakUsed()), "MB") + " MB; " + writer.gcCount()
							+ " GCs (" + writer.gcMillis() + " ms)"));
			figures.add(Figure.info("excel.peakLiveMb." + rows, SECTION, "peak live heap after GC (writer), " + size,
					Numbers.megabytes(writer.peakLive()), "MB",
					"largest heap occupancy right after a collection; bare SXSSF "
							+ Numbers.format(Numbers.megabytes(bare.peakLive()), "MB") + " MB"));
		}
		if (writers.size() >= 2) {
			Result small = writers.get(0);
			Result large = writers.get(writers.size() - 1);
			String sizes = Numbers.format(large.rows()) + " / " + Numbers.format(small.rows());
			figures.add(Figure.atMost("excel.peakUsedGrowth", SECTION, "peak heap used " + sizes + " rows",
					Numbers.round((double) large.peakUsed() / small.peakUsed(), 3), "ratio", 1.5, null));
			figures.add(Figure.atMost("excel.peakLiveGrowth", SECTION, "peak live heap " + sizes + " rows",
					Numbers.round((double) large.peakLive() / small.peakLive(), 3), "ratio", 1.5, null));
		}
		return figures;
	}

	private Result measure(String mode, long rows) throws Exception {
		this.progress.step(String.format("excel: %s, %s rows, -Xmx%dm", mode, Numbers.format(rows),
				this.options.excelHeapMb()));
		Path folder = this.options.workDir().resolve("excel");
		String line = ChildJvm.runForLine(
				ChildJvm.command(List.of("-Xmx" + this.options.excelHeapMb() + "m", "-XX:+UseG1GC"), CHILD, mode,
						Long.toString(rows), folder.toString()),
				Map.of(), "RESULT ", 1800);
		String[] fields = line.split(" ");
		Result result = new Result(Long.parseLong(fields[2]), Long.parseLong(fields[3]), Long.parseLong(fields[4]),
				Long.parseLong(fields[5]), Long.parseLong(fields[6]), Long.parseLong(fields[7]),
				Long.parseLong(fields[8]));
		this.progress.note(String.format("%.1f s, peak used %.1f MB, peak live %.1f MB, %d GCs",
				result.millis() / 1000.0, Numbers.megabytes(result.peakUsed()), Numbers.megabytes(result.peakLive()),
				result.gcCount()));
		return result;
	}

	/** One child JVM's measurement. */
	record Result(long rows, long millis, long peakUsed, long peakLive, long gcCount, long gcMillis, long fileBytes) {

		/** The run with the median time, with the highest peaks of all runs. */
		static Result median(List<Result> runs) {
			List<Result> sorted = runs.stream().sorted(java.util.Comparator.comparingLong(Result::millis)).toList();
			Result middle = sorted.get(sorted.size() / 2);
			long used = runs.stream().mapToLong(Result::peakUsed).max().orElseThrow();
			long live = runs.stream().mapToLong(Result::peakLive).max().orElseThrow();
			return new Result(middle.rows(), middle.millis(), used, live, middle.gcCount(), middle.gcMillis(),
					middle.fileBytes());
		}

	}

}
