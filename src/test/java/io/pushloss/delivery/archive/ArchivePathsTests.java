package io.pushloss.delivery.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pushloss.delivery.DeliveryFixtures;
import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArchivePathsTests {

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "../x", "..", ".", "/etc", "a/b", "a\\b", "x\u0000y", "line\nbreak", ".hidden", "",
			"C:", "nul", "LPT1.txt", "tab\tname", "a b" })
	void jobNamesThatCouldLeaveTheirFolderAreRefusedAndNothingIsWritten(String name) throws Exception {
		Path root = this.temp.resolve("archive");
		JobDefinition job = DeliveryFixtures.job(name, root, null);
		var documents = DeliveryFixtures.documents(this.temp.resolve("reports"), "demo", "2026-W46", 10, 10);

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> new ReportArchiver(root).archive(job, new IsoWeek(2026, 46), documents, false))
			.withMessageContaining("not a plain folder name");
		assertThat(root).doesNotExist();
		try (Stream<Path> all = Files.walk(this.temp)) {
			assertThat(all.filter((path) -> path.getFileName().toString().equals("SHA256SUMS"))).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026/W46", "2026-W46/../../x", "..", "/2026-W46", "2026-W46\u0000" })
	void weeksWithSeparatorsOrDotsAreRefused(String week) {
		Path root = this.temp.resolve("archive");

		assertThatExceptionOfType(ArchiveException.class)
			.isThrownBy(() -> ArchivePaths.within(root, "demo", "2026", week));
		assertThatExceptionOfType(ArchiveException.class).isThrownBy(() -> ArchivePaths.segment("week", week));
	}

	@Test
	void plainNamesResolveBelowTheRoot() {
		Path root = this.temp.resolve("archive");

		assertThat(ArchivePaths.within(root, "demo", "2026", "2026-W46"))
			.isEqualTo(root.toAbsolutePath().resolve("demo/2026/2026-W46"))
			.startsWithRaw(root.toAbsolutePath());
	}

	@Test
	void fileNamesAreSanitisedToOneSafeSegment() {
		assertThat(ArchivePaths.sanitise("push-loss-demo-task/../../x.pdf")).isEqualTo("push-loss-demo-task_.._.._x.pdf");
		assertThat(ArchivePaths.sanitise("..")).isEqualTo("_.");
		assertThat(ArchivePaths.sanitise("/etc/passwd")).isEqualTo("_etc_passwd");
		assertThat(ArchivePaths.sanitise("a\u0000b\nc")).isEqualTo("a_b_c");
		assertThat(ArchivePaths.sanitise("")).isEqualTo("_");
		assertThat(ArchivePaths.sanitise("CON")).isEqualTo("_CON");
		assertThat(ArchivePaths.sanitise("x".repeat(300))).hasSize(128);
		for (String hostile : new String[] { "../x", "..", "/abs", "a/b", "\u0000" }) {
			Path root = this.temp.resolve("archive").toAbsolutePath();
			assertThat(root.resolve(ArchivePaths.sanitise(hostile)).normalize().getParent()).isEqualTo(root);
		}
	}

}
