package io.pushloss.report.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.SampleReports;
import io.pushloss.report.ReportDocuments;
import io.pushloss.store.RawRowSource;
import io.pushloss.store.StoredLossRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AtomicWriteTests {

	static final Instant CREATED = Instant.parse("2026-11-16T02:00:00Z");

	@TempDir
	Path root;

	@Test
	void writesToTheConventionalPathCreatingItsFolders() throws Exception {
		ReportDocuments documents = ReportDocuments.in(this.root, SampleReports.JOB_NAME, "2026-W46");
		Path file = new ExcelReportWriter().write(SampleReports.typicalWeek(), RawRowSource.empty(),
				documents.excel(), CREATED);
		assertThat(file).isEqualTo(documents.excel()).isRegularFile();
		assertThat(file.getFileName().toString())
			.isEqualTo(ExcelReportWriter.fileName(SampleReports.typicalWeek()));
		assertThat(files(documents.directory())).containsExactly(file);
	}

	@Test
	void replacesAnEarlierFileAndLeavesNoTemporaryFile() throws Exception {
		ExcelReportWriter writer = new ExcelReportWriter();
		Path file = writer.write(SampleReports.typicalWeek(), RawRowSource.empty(), this.root, CREATED);
		writer.write(SampleReports.partialWeek(), RawRowFixtures.generated(3), this.root, CREATED);
		assertThat(files(this.root)).containsExactly(file);
		try (XSSFWorkbook workbook = WorkbookReading.open(file)) {
			assertThat(workbook.getSheet("Raw").getLastRowNum()).isEqualTo(3);
		}
	}

	@Test
	void keepsThePreviousFileWhenTheRawRowsFail() throws Exception {
		ExcelReportWriter writer = new ExcelReportWriter();
		Path file = writer.write(SampleReports.typicalWeek(), RawRowFixtures.generated(7), this.root, CREATED);
		byte[] before = Files.readAllBytes(file);
		RawRowSource failing = new RawRowSource() {

			@Override
			public long count() {
				return 1000;
			}

			@Override
			public Iterator<StoredLossRow> rows() {
				Iterator<StoredLossRow> first = RawRowFixtures.generated(600).rows();
				return new Iterator<>() {

					@Override
					public boolean hasNext() {
						if (!first.hasNext()) {
							throw new IllegalStateException("store went away");
						}
						return true;
					}

					@Override
					public StoredLossRow next() {
						hasNext();
						return first.next();
					}

				};
			}

		};
		assertThatExceptionOfType(ExcelReportException.class)
			.isThrownBy(() -> writer.write(SampleReports.typicalWeek(), failing, this.root, CREATED))
			.withMessageContaining("weekly-push-loss")
			.withMessageContaining("2026-W46")
			.withMessageContaining("store went away")
			.satisfies((ex) -> assertThat(ex.target()).isEqualTo(file));
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
		assertThat(files(this.root)).containsExactly(file);
	}

	@Test
	void failsWithoutAFileWhenTheRowsDoNotMatchTheirCount() throws Exception {
		ExcelReportWriter writer = new ExcelReportWriter();
		RawRowSource fewer = counted(RawRowFixtures.generated(5), 6);
		assertThatExceptionOfType(ExcelReportException.class)
			.isThrownBy(() -> writer.write(SampleReports.typicalWeek(), fewer, this.root, CREATED))
			.withMessageContaining("6 counted before, 5 read")
			.withCauseInstanceOf(RawRowsChangedException.class);
		RawRowSource more = counted(RawRowFixtures.generated(5), 4);
		assertThatExceptionOfType(ExcelReportException.class)
			.isThrownBy(() -> writer.write(SampleReports.typicalWeek(), more, this.root, CREATED))
			.withMessageContaining("4 counted before, more than that read");
		assertThat(files(this.root)).isEmpty();
	}

	private static RawRowSource counted(RawRowSource rows, long count) {
		return new RawRowSource() {

			@Override
			public long count() {
				return count;
			}

			@Override
			public Iterator<StoredLossRow> rows() {
				return rows.rows();
			}

		};
	}

	private static java.util.List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
	}

	@Test
	void aSymbolicLinkPlantedForTheWeekFolderIsRefusedNamingItAndItsTargetStaysEmpty() throws Exception {
		Path victim = Files.createDirectories(this.root.resolve("victim"));
		ReportDocuments documents = ReportDocuments.in(this.root.resolve("reports"), SampleReports.JOB_NAME,
				"2026-W46");
		Files.createDirectories(documents.directory().getParent());
		Files.createSymbolicLink(documents.directory(), victim);

		assertThatExceptionOfType(ExcelReportException.class)
			.isThrownBy(() -> new ExcelReportWriter().write(SampleReports.typicalWeek(), RawRowSource.empty(),
					documents.excel(), CREATED))
			.withStackTraceContaining(documents.directory().toAbsolutePath().toString())
			.withStackTraceContaining("symbolic link");
		assertThat(files(victim)).isEmpty();
	}
}
