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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.SampleReports;
import io.pushloss.store.StoredLossRow;

/**
 * Not a test: one measurement of section 4 of the benchmark (io.pushloss.bench.BenchmarkMain starts one JVM per
 * measurement, so that each peak heap is its own). Writes {@code rows} generated raw rows either through
 * {@link ExcelReportWriter} (every sheet and chart, the Raw sheet streamed) or through a bare SXSSF loop writing
 * the same Raw cells with the same styles, window and compression, after a warm-up of the same kind, and prints one
 * line: {@code RESULT mode rows millis peakUsedBytes peakLiveBytes gcCount gcMillis fileBytes}.
 * <p>
 * Peak used is the sum of the heap pools' peaks, garbage included (what a monitor shows); peak live is the largest
 * heap occupancy right after a collection (what the work actually retains).
 *
 * <pre>
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.pushloss.report.excel.RawSheetBenchmark writer 1000000 /tmp/folder
 * </pre>
 */
public final class RawSheetBenchmark {

	static final long WARM_UP_ROWS = 20_000;

	private RawSheetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3 || !(args[0].equals("writer") || args[0].equals("bare"))) {
			System.err.println("usage: RawSheetBenchmark writer|bare ROWS FOLDER");
			System.exit(2);
		}
		boolean writer = args[0].equals("writer");
		long rows = Long.parseLong(args[1]);
		Path folder = Files.createDirectories(Path.of(args[2]));
		run(writer, folder, WARM_UP_ROWS);
		Files.deleteIfExists(folder.resolve(writer ? "writer.xlsx" : "bare.xlsx"));

		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		AtomicLong peakLive = watchLiveHeap();
		long gcCountBefore = gcCount();
		long gcTimeBefore = gcTime();
		long start = System.nanoTime();
		Path file = run(writer, folder, rows);
		long millis = (System.nanoTime() - start) / 1_000_000;
		long peakUsed = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
		// A run without any collection retained at most what was in use at its end.
		long live = Math.max(peakLive.get(), (gcCount() == gcCountBefore) ? heapUsed() : 0);
		System.out.printf(Locale.ROOT, "RESULT %s %d %d %d %d %d %d %d%n", args[0], rows, millis, peakUsed, live,
				gcCount() - gcCountBefore, gcTime() - gcTimeBefore, Files.size(file));
		Files.deleteIfExists(file);
	}

	private static Path run(boolean writer, Path folder, long rows) throws IOException {
		return writer ? writer(folder, rows) : bare(folder, rows);
	}

	private static Path writer(Path folder, long rows) {
		return new ExcelReportWriter().write(SampleReports.typicalWeek(), RawRowFixtures.generated(rows),
				folder.resolve("writer.xlsx"), Instant.parse("2026-11-16T02:00:00Z"));
	}

	/**
	 * The same Raw cells with the same styles, window and compression, without the other sheets: rows generated
	 * while the workbook is written (deferred streaming), zip entries deflated at the writer's level.
	 */
	private static Path bare(Path folder, long rows) throws IOException {
		Path file = folder.resolve("bare.xlsx");
		DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(ExcelReportWriter.RAW_ROW_WINDOW) {

			@Override
			protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
				ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
				zip.setLevel(ReportStreamingWorkbook.DEFLATE_LEVEL);
				return zip;
			}

		};
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			Cells cells = new Cells(workbook);
			Labels labels = new Labels(ReportText.bundled(Locale.ENGLISH));
			DeferredSXSSFSheet sheet = workbook.createSheet("Raw");
			sheet.setRowGenerator((generated) -> {
				cells.header(generated.createRow(0), 0, RawSheets.columns(labels).toArray(String[]::new));
				int[] row = { 1 };
				RawRowFixtures.forEach(rows, (StoredLossRow stored) -> {
					Row line = generated.createRow(row[0]++);
					cells.dateTime(line, 0, LocalDateTime.ofInstant(stored.windowStart(), SampleReports.ZONE));
					cells.dateTime(line, 1, LocalDateTime.ofInstant(stored.windowEnd(), SampleReports.ZONE));
					cells.text(line, 2, stored.source().displayName());
					cells.text(line, 3, stored.taskId());
					cells.text(line, 4, stored.stage().label());
					cells.text(line, 5, stored.eventType().displayName());
					cells.text(line, 6, labels.vendor(stored.vendor()));
					cells.text(line, 7, stored.errCode());
					cells.count(line, 8, stored.errCount());
					cells.text(line, 9, stored.errInfo());
				});
			});
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
		return file;
	}

	/** The largest heap occupancy after any collection from now on. */
	private static AtomicLong watchLiveHeap() {
		AtomicLong peak = new AtomicLong();
		java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(java.util.stream.Collectors.toSet());
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
				if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					return;
				}
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				long after = info.getGcInfo()
					.getMemoryUsageAfterGc()
					.entrySet()
					.stream()
					.filter((pool) -> heapPools.contains(pool.getKey()))
					.mapToLong((pool) -> pool.getValue().getUsed())
					.sum();
				peak.accumulateAndGet(after, Math::max);
			}, null, null);
		}
		return peak;
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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

}
