package io.pushloss.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Period;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.PrivateFiles;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole run never writes through a symbolic link planted in the data directory: a link in place of the reports
 * folder of the job or the week, or of the archive's week folder, fails the run with a message naming the path, and
 * the link's target receives nothing. What a run writes is owner-only (the archive's modes:
 * {@code ReportArchiverTests}).
 */
class RedirectedPathsTests extends ReliabilityContext {

	private static final RunOptions NO_EMAIL = new RunOptions(false, false, false);

	@Test
	void aLinkPlantedForTheReportsWeekFolderFailsTheRunNamingItAndItsTargetGetsNothing() throws IOException {
		JobDefinition job = job("link-reports", 1400000801L, Period.ofDays(7), "links.example");
		Path week = reports(job, W46);
		Path victim = plantLink(week, "reports");

		String failure = failedRun(job);

		assertThat(failure).contains(week.toAbsolutePath().toString()).contains("symbolic link");
		assertThat(files(victim)).isEmpty();
	}

	@Test
	void aLinkPlantedForTheReportsJobFolderFailsTheRunToo() throws IOException {
		JobDefinition job = job("link-reports-job", 1400000802L, Period.ofDays(7), "links.example");
		Path jobFolder = reports(job, W46).getParent();
		Path victim = plantLink(jobFolder, "reports-job");

		String failure = failedRun(job);

		assertThat(failure).contains(jobFolder.toAbsolutePath().toString());
		assertThat(files(victim)).isEmpty();
	}

	@Test
	void aLinkPlantedForTheArchiveWeekFolderFailsTheRunNamingItAndItsTargetGetsNothing() throws IOException {
		JobDefinition job = job("link-archive", 1400000803L, Period.ofDays(7), "links.example");
		Path week = archive(job, W46);
		Path victim = plantLink(week, "archive");

		String failure = failedRun(job);

		assertThat(failure).contains(week.toAbsolutePath().toString()).contains("symbolic link");
		assertThat(files(victim)).isEmpty();
		assertThat(reports(job, W46).resolve("summary.json")).as("the documents were written where they belong")
			.isRegularFile();
		if (PrivateFiles.posix(DATA_DIR)) {
			assertThat(mode(reports(job, W46))).isEqualTo("rwx------");
			assertThat(files(reports(job, W46))).hasSizeGreaterThanOrEqualTo(3)
				.allSatisfy((file) -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
			assertThat(mode(DATA_DIR.resolve("db"))).isEqualTo("rwx------");
			assertThat(mode(DATA_DIR.resolve("logs"))).isEqualTo("rwx------");
		}
	}

	/** A symbolic link planted at {@code link} (its parent created) to a folder of its own, which it returns. */
	private static Path plantLink(Path link, String victim) throws IOException {
		Path target = Files.createDirectories(DATA_DIR.resolve("victims").resolve(victim));
		Files.createDirectories(link.getParent());
		Files.createSymbolicLink(link, target);
		return target;
	}

	/** Runs the job's week, which must fail; its message. */
	private String failedRun(JobDefinition job) {
		RunOutcome outcome = this.runner.run(job, W46, NO_EMAIL);
		assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunOutcome.Status.FAILED);
		return outcome.message();
	}

	private static java.util.List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).toList();
		}
	}

	private static String mode(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
