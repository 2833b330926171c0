package io.pushloss.domain;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DataDirectoryLockTests {

	private static final Instant SINCE = Instant.parse("2026-11-18T02:00:00Z");

	@TempDir
	Path dataDir;

	@Test
	void theOwnerWritesWhoItIsIntoAnOwnerOnlyFileAndASecondOwnerIsRefusedNamingIt() throws Exception {
		try (DataDirectoryLock first = DataDirectoryLock.owner(this.dataDir, "serve demo", SINCE, Duration.ZERO)) {
			first.opened();
			assertThat(Files.readString(first.file()))
				.isEqualTo("pid " + ProcessHandle.current().pid() + " (serve demo) since 2026-11-18T02:00:00Z");
			if (PrivateFiles.posix(this.dataDir)) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file())))
					.isEqualTo("rw-------");
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file().getParent())))
					.isEqualTo("rwx------");
			}

			assertThatExceptionOfType(DataDirectoryLock.DataDirectoryBusyException.class)
				.isThrownBy(() -> DataDirectoryLock.owner(this.dataDir, "run demo 2026-W46", SINCE, Duration.ZERO))
				.withMessageContaining("is in use by pid " + ProcessHandle.current().pid() + " (serve demo)")
				.withMessageContaining(this.dataDir.toString());
		}
		try (DataDirectoryLock next = DataDirectoryLock.owner(this.dataDir, "run demo 2026-W46", SINCE,
				Duration.ZERO)) {
			assertThat(Files.readString(next.file())).contains("(run demo 2026-W46)");
		}
	}

	@Test
	void aReaderWaitsWhileTheOwnerOpensTheDatabaseAndReadsOnceItHasOpenedIt() {
		try (DataDirectoryLock owner = DataDirectoryLock.owner(this.dataDir, "serve demo", SINCE, Duration.ZERO)) {
			assertThatExceptionOfType(DataDirectoryLock.DataDirectoryBusyException.class)
				.isThrownBy(() -> DataDirectoryLock.reader(this.dataDir, Duration.ZERO))
				.withMessageContaining("(serve demo)");
			owner.opened();
			try (DataDirectoryLock reader = DataDirectoryLock.reader(this.dataDir, Duration.ZERO)) {
				assertThat(reader.file()).isEqualTo(owner.file());
			}
		}
	}

	@Test
	void anOwnerIsRefusedWhileAReaderHasTheDatabaseOpen() {
		try (DataDirectoryLock reader = DataDirectoryLock.reader(this.dataDir, Duration.ZERO)) {
			assertThatExceptionOfType(DataDirectoryLock.DataDirectoryBusyException.class)
				.isThrownBy(() -> DataDirectoryLock.owner(this.dataDir, "serve demo", SINCE, Duration.ZERO))
				.withMessageContaining("a read-only command");
		}
		DataDirectoryLock.owner(this.dataDir, "serve demo", SINCE, Duration.ZERO).close();
	}

	@Test
	void aLockFilePlantedAsASymbolicLinkIsRefusedAndItsTargetUntouched() throws Exception {
		Path victim = Files.writeString(this.dataDir.resolveSibling(this.dataDir.getFileName() + "-victim"), "keep");
		try {
			Files.createDirectories(this.dataDir.resolve("db"));
			Files.createSymbolicLink(DataDirectoryLock.file(this.dataDir), victim);

			assertThatExceptionOfType(UncheckedIOException.class)
				.isThrownBy(() -> DataDirectoryLock.owner(this.dataDir, "serve demo", SINCE, Duration.ZERO))
				.withMessageContaining(DataDirectoryLock.file(this.dataDir).toString())
				.withMessageContaining("symbolic link");
			assertThat(Files.readString(victim)).isEqualTo("keep");
			assertThat(Files.isSymbolicLink(DataDirectoryLock.file(this.dataDir))).isTrue();
			assertThat(Files.exists(DataDirectoryLock.file(this.dataDir), LinkOption.NOFOLLOW_LINKS)).isTrue();
		}
		finally {
			Files.deleteIfExists(victim);
		}
	}

}
