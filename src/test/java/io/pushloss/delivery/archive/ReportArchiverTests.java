package io.pushloss.delivery.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ReportArchiverTests {

	private static final IsoWeek W46 = new IsoWeek(2026, 46);

	@TempDir
	Path temp;

	private Path archive() {
		return this.temp.resolve("share/archive");
	}

	private final ReportArchiver archiver = new ReportArchiver(Path.of("unused-default"));

	private ReportDocuments documents(String job, IsoWeek week, int pdfBytes) {
		return DeliveryFixtures.documents(this.temp.resolve("reports-" + pdfBytes), job, week.toString(), pdfBytes,
				700);
	}

	@Test
	void archivesTheThreeDocumentsUnderJobYearAndWeekWithAVerifiableManifest() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		ReportDocuments documents = documents("demo", W46, 1000);

		Path folder = this.archiver.archive(job, W46, documents, false);

		assertThat(folder).isEqualTo(archive().toAbsolutePath().resolve("demo/2026/2026-W46"));
		assertThat(names(folder)).containsExactlyInAnyOrder("summary.json", "push-loss-demo-2026-W46.pdf",
				"push-loss-demo-2026-W46.xlsx", "SHA256SUMS");
		assertThat(Files.mismatch(folder.resolve("push-loss-demo-2026-W46.pdf"), documents.pdf())).isEqualTo(-1);
		List<String> lines = Files.readAllLines(folder.resolve("SHA256SUMS"));
		assertThat(lines).hasSize(3).allMatch((line) -> line.matches("[0-9a-f]{64}  \\S+"));
		assertVerifies(folder);
	}

	@Test
	void identicalRerunLeavesTheArchivedWeekAsItIs() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		ReportDocuments documents = documents("demo", W46, 1000);
		Path folder = this.archiver.archive(job, W46, documents, false);
		FileTime written = Files.getLastModifiedTime(folder.resolve("SHA256SUMS"));
		byte[] manifest = Files.readAllBytes(folder.resolve("SHA256SUMS"));
		Files.setLastModifiedTime(folder.resolve("SHA256SUMS"), FileTime.fromMillis(written.toMillis() - 60_000));

		Path again = this.archiver.archive(job, W46, documents, false);
		Path forced = this.archiver.archive(job, W46, documents, true);

		assertThat(again).isEqualTo(folder);
		assertThat(forced).isEqualTo(folder);
		assertThat(Files.readAllBytes(folder.resolve("SHA256SUMS"))).isEqualTo(manifest);
		assertThat(Files.getLastModifiedTime(folder.resolve("SHA256SUMS")).toMillis())
			.isEqualTo(written.toMillis() - 60_000);
		assertThat(names(folder)).doesNotContain("rev-2");
	}

	@Test
	void differentContentIsNotOverwrittenWithoutForce() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		Path folder = this.archiver.archive(job, W46, documents("demo", W46, 1000), false);
		byte[] pdf = Files.readAllBytes(folder.resolve("push-loss-demo-2026-W46.pdf"));

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> this.archiver.archive(job, W46, documents("demo", W46, 2000), false))
			.withMessageContaining(folder.toString())
			.withMessageContaining("--force");
		assertThat(Files.readAllBytes(folder.resolve("push-loss-demo-2026-W46.pdf"))).isEqualTo(pdf);
		assertThat(names(folder)).doesNotContain("rev-2");
	}

	@Test
	void forcedRerunWithNewContentWritesTheNextRevisionAndRecordsBoth() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		Path first = this.archiver.archive(job, W46, documents("demo", W46, 1000), false);

		Path second = this.archiver.archive(job, W46, documents("demo", W46, 2000), true);
		Path third = this.archiver.archive(job, W46, documents("demo", W46, 3000), true);

		assertThat(second).isEqualTo(first.resolve("rev-2"));
		assertThat(third).isEqualTo(first.resolve("rev-3"));
		assertThat(Files.size(second.resolve("push-loss-demo-2026-W46.pdf"))).isEqualTo(2000);
		assertThat(Files.size(first.resolve("push-loss-demo-2026-W46.pdf"))).isEqualTo(1000);
		List<String> paths = Files.readAllLines(first.resolve("SHA256SUMS"))
			.stream()
			.map((line) -> line.substring(66))
			.toList();
		assertThat(paths).containsExactly("summary.json", "push-loss-demo-2026-W46.pdf", "push-loss-demo-2026-W46.xlsx",
				"rev-2/summary.json", "rev-2/push-loss-demo-2026-W46.pdf", "rev-2/push-loss-demo-2026-W46.xlsx",
				"rev-3/summary.json", "rev-3/push-loss-demo-2026-W46.pdf", "rev-3/push-loss-demo-2026-W46.xlsx");
		assertVerifies(first);
		assertThat(this.archiver.archive(job, W46, documents("demo", W46, 3000), false)).isEqualTo(third);
	}

	@Test
	void readOnlyArchiveFailsNamingTheFolderAndLeavesNothingBehind() throws Exception {
		Path root = archive();
		Files.createDirectories(root);
		Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			assumeTrue(!Files.isWritable(root), "running as root: permissions do not make the folder read-only");
			JobDefinition job = DeliveryFixtures.job("demo", root, null);

			assertThatExceptionOfType(ArchiveException.class)
				.isThrownBy(() -> this.archiver.archive(job, W46, documents("demo", W46, 1000), false))
				.withMessageContaining(root.resolve("demo/2026/2026-W46").toString())
				.withMessageContaining("permission denied");
			assertThat(names(root)).isEmpty();
		}
		finally {
			Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void fileWhereTheJobFolderShouldBeFailsCleanly() throws Exception {
		Files.createDirectories(archive());
		Files.writeString(archive().resolve("demo"), "not a folder");
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> this.archiver.archive(job, W46, documents("demo", W46, 1000), false))
			.withMessageContaining(archive().resolve("demo").toString())
			.satisfies((ex) -> assertThat(ex.folder()).isEqualTo(archive().toAbsolutePath().resolve("demo/2026/2026-W46")));
		assertThat(Files.readString(archive().resolve("demo"))).isEqualTo("not a folder");
	}

	@Test
	void failureHalfwayRemovesTheFilesAlreadyWrittenAndItsTemporaryFiles() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		Path week = archive().resolve("demo/2026/2026-W46");
		// A non-empty folder where the PDF must go: the rename of the PDF fails after summary.json is in place.
		Files.createDirectories(week.resolve("push-loss-demo-2026-W46.pdf/blocker"));

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> this.archiver.archive(job, W46, documents("demo", W46, 1000), false))
			.withMessageContaining(week.toAbsolutePath().toString());
		assertThat(names(week)).containsExactly("push-loss-demo-2026-W46.pdf");
	}

	@Test
	void retentionDeletesTheOldestWeeksOfThatJobOnly() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), 2);
		JobDefinition other = DeliveryFixtures.job("other", archive(), null);
		IsoWeek lastOf2025 = new IsoWeek(2025, 52);
		this.archiver.archive(other, lastOf2025, documents("other", lastOf2025, 100), false);
		for (IsoWeek week : List.of(lastOf2025, new IsoWeek(2026, 1), new IsoWeek(2026, 2))) {
			this.archiver.archive(job, week, documents("demo", week, 100), false);
		}

		assertThat(Files.exists(archive().resolve("demo/2025"))).isFalse();
		assertThat(names(archive().resolve("demo/2026"))).containsExactlyInAnyOrder("2026-W01", "2026-W02");
		assertThat(names(archive().resolve("other/2025"))).containsExactly("2025-W52");

		IsoWeek backfill = new IsoWeek(2025, 40);
		Path old = this.archiver.archive(job, backfill, documents("demo", backfill, 100), false);
		assertThat(old).isDirectory();
		assertThat(names(archive().resolve("demo/2026"))).containsExactlyInAnyOrder("2026-W01", "2026-W02");
	}

	@Test
	void jobWithoutArchiveFolderUsesTheDefaultRoot() {
		ReportArchiver withDefault = new ReportArchiver(this.temp.resolve("data/archive"));
		JobDefinition job = DeliveryFixtures.job("demo", null, null);

		Path folder = withDefault.archive(job, W46, documents("demo", W46, 100), false);

		assertThat(folder).isEqualTo(this.temp.resolve("data/archive/demo/2026/2026-W46").toAbsolutePath());
	}

	@Test
	void twoWritersOfOneWeekWriteOneAfterTheOtherAndOverwriteNothing() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		ReportDocuments first = documents("demo", W46, 100);
		ReportDocuments second = documents("demo", W46, 200);
		CyclicBarrier start = new CyclicBarrier(2);
		Callable<Path> one = () -> {
			start.await();
			return this.archiver.archive(job, W46, first, true);
		};
		Callable<Path> two = () -> {
			start.await();
			return this.archiver.archive(job, W46, second, true);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Path> a = pool.submit(one);
			Future<Path> b = pool.submit(two);
			List<Path> folders = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
			Path week = archive().toAbsolutePath().resolve("demo/2026/2026-W46");
			assertThat(folders).containsExactlyInAnyOrder(week, week.resolve("rev-2"));
			assertThat(Files.readAllLines(week.resolve("SHA256SUMS"))).hasSize(6);
			assertVerifies(week);
			assertThat(archive().resolve("demo/.archive.lock")).isRegularFile();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSymbolicLinkInPlaceOfTheLockFileIsRefused() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		Path target = Files.writeString(this.temp.resolve("elsewhere.txt"), "not the archive's");
		Files.createDirectories(archive().resolve("demo"));
		Files.createSymbolicLink(archive().resolve("demo/.archive.lock"), target);

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> this.archiver.archive(job, W46, documents("demo", W46, 100), false))
			.withMessageContaining("cannot lock " + archive().toAbsolutePath().resolve("demo/.archive.lock"));
		assertThat(Files.readString(target)).isEqualTo("not the archive's");
		assertThat(archive().resolve("demo/2026")).doesNotExist();
	}

	private static void assertVerifies(Path weekFolder) throws IOException {
		for (String line : Files.readAllLines(weekFolder.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
			String expected = line.substring(0, 64);
			Path file = weekFolder.resolve(line.substring(66));
			assertThat(Sha256Manifest.sha256(file)).as(line).isEqualTo(expected);
		}
	}

	private static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	@Test
	void aSymbolicLinkPlantedForTheWeekFolderIsRefusedNamingItAndItsTargetStaysEmpty() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		Path victim = Files.createDirectories(this.temp.resolve("victim"));
		Path week = this.archiver.weekFolder(job, W46);
		Files.createDirectories(week.getParent());
		Files.createSymbolicLink(week, victim);

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> this.archiver.archive(job, W46, documents("demo", W46, 1000), false))
			.withMessageContaining(week.toString())
			.withMessageContaining("symbolic link");
		assertThat(names(victim)).isEmpty();
	}

	@Test
	void aSymbolicLinkPlantedForTheJobFolderIsRefusedToo() throws Exception {
		JobDefinition job = DeliveryFixtures.job("demo", archive(), null);
		Path victim = Files.createDirectories(this.temp.resolve("victim"));
		Files.createDirectories(archive());
		Path jobFolder = Files.createSymbolicLink(archive().resolve("demo"), victim);

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> this.archiver.archive(job, W46, documents("demo", W46, 1000), false))
			.withMessageContaining(jobFolder.toAbsolutePath().toString());
		assertThat(names(victim)).isEmpty();
	}

	@Test
	void theDefaultArchiveUnderTheDataDirectoryIsOwnerOnly() throws Exception {
		assumeTrue(io.pushloss.domain.PrivateFiles.posix(this.temp));
		ReportArchiver archiver = new ReportArchiver(this.temp.resolve("data/archive"));
		JobDefinition job = DeliveryFixtures.job("demo", null, null);

		Path folder = archiver.archive(job, W46, documents("demo", W46, 1000), false);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("SHA256SUMS"))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(folder.resolve("push-loss-demo-2026-W46.pdf"))))
			.isEqualTo("rw-------");
	}
}
