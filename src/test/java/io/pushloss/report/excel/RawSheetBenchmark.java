package io.pushloss.report.excel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.pushloss.analysis.SampleReports;
import io.pushloss.store.StoredLossRow;

/**
 * Not a test: compares writing N raw rows through {@link ExcelReportWriter} (all sheets, charts, Raw streamed) with
 * a bare SXSSF loop writing the same Raw cells, and prints time, time ratio, peak heap and GC figures.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.pushloss.report.excel.RawSheetBenchmark [rows...]
 * </pre>
 * A run under {@code -Xmx256m} shows that a million rows do not need a million rows of heap.
 */
public final class RawSheetBenchmark {

	private RawSheetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long[] sizes = (args.length > 0) ? java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray()
				: new long[] { 100_000, 1_000_000 };
		Path folder = Files.createTempDirectory("raw-sheet-benchmark");
		System.out.printf("max heap %,d MB, folder %s%n", Runtime.getRuntime().maxMemory() >> 20, folder);
		// warm-up so that neither side pays for class loading and JIT alone
		measure("warm-up writer", () -> writer(folder, 20_000));
		measure("warm-up bare", () -> bare(folder, 20_000));
		for (long rows : sizes) {
			Result writer = measure(String.format("writer %,d rows", rows), () -> writer(folder, rows));
			Result bare = measure(String.format("bare SXSSF %,d rows", rows), () -> bare(folder, rows));
			System.out.printf("%,d rows: time ratio writer / bare = %.2f, peak heap writer %,d MB vs bare %,d MB%n",
					rows, (double) writer.millis() / bare.millis(), writer.peakHeap() >> 20, bare.peakHeap() >> 20);
		}
	}

	private static Path writer(Path folder, long rows) {
		return new ExcelReportWriter().write(SampleReports.typicalWeek(), RawRowFixtures.generated(rows),
				folder.resolve("writer.xlsx"), Instant.parse("2026-11-16T02:00:00Z"));
	}

	/** The same Raw cells with the same styles, window and compression, without the other sheets. */
	private static Path bare(Path folder, long rows) throws IOException {
		Path file = folder.resolve("bare.xlsx");
		SXSSFWorkbook workbook = new SXSSFWorkbook(null, ExcelReportWriter.RAW_ROW_WINDOW, true);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			Cells cells = new Cells(workbook);
			SXSSFSheet sheet = workbook.createSheet("Raw");
			cells.header(sheet.createRow(0), 0, RawSheets.COLUMNS);
			int[] row = { 1 };
			RawRowFixtures.forEach(rows, (StoredLossRow stored) -> {
				Row line = sheet.createRow(row[0]++);
				cells.dateTime(line, 0, LocalDateTime.ofInstant(stored.windowStart(), SampleReports.ZONE));
				cells.dateTime(line, 1, LocalDateTime.ofInstant(stored.windowEnd(), SampleReports.ZONE));
				cells.text(line, 2, stored.source().displayName());
				cells.text(line, 3, stored.taskId());
				cells.text(line, 4, stored.stage().label());
				cells.text(line, 5, stored.eventType().displayName());
				cells.text(line, 6, Labels.vendor(stored.vendor()));
				cells.text(line, 7, stored.errCode());
				cells.count(line, 8, stored.errCount());
				cells.text(line, 9, stored.errInfo());
			});
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
		return file;
	}

	private static Result measure(String label, Work work) throws Exception {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long gcCountBefore = gcCount();
		long gcTimeBefore = gcTime();
		long start = System.nanoTime();
		Path file = work.run();
		long millis = (System.nanoTime() - start) / 1_000_000;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
		System.out.printf("%-26s %,8d ms  peak heap %,5d MB  GCs %,5d (%,d ms)  file %,d KB%n", label, millis,
				peak >> 20, gcCount() - gcCountBefore, gcTime() - gcTimeBefore, Files.size(file) >> 10);
		return new Result(millis, peak);
	}

	private static long gcCount() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
	}

	private static long gcTime() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	private record Result(long millis, long peakHeap) {
	}

	@FunctionalInterface
	private interface Work {

		Path run() throws Exception;

	}

}
