package io.pushloss.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PrivateFilesTests {

	@TempDir
	Path root;

	@Test
	void createsFoldersAndFilesOwnerOnlyAndTightensTheProgramsOwnFolder() throws IOException {
		assumeTrue(PrivateFiles.posix(this.root), "no POSIX permissions on this file system");
		Path nested = PrivateFiles.directory(this.root.resolve("a/b/c"));
		try (OutputStream out = PrivateFiles.newFile(nested.resolve("f"))) {
			out.write(1);
		}
		Path loose = Files.createDirectories(this.root.resolve("loose"));
		Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxrwxrwx"));

		PrivateFiles.directory(loose);

		assertThat(mode(this.root.resolve("a"))).isEqualTo("rwx------");
		assertThat(mode(nested)).isEqualTo("rwx------");
		assertThat(mode(nested.resolve("f"))).isEqualTo("rw-------");
		assertThat(mode(loose)).isEqualTo("rwx------");
	}

	@Test
	void ensureDirectoryLeavesAnExistingFolderOfTheOperatorAsItIs() throws IOException {
		assumeTrue(PrivateFiles.posix(this.root), "no POSIX permissions on this file system");
		Path shared = Files.createDirectories(this.root.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

		PrivateFiles.ensureDirectory(shared);
		Path created = PrivateFiles.ensureDirectory(this.root.resolve("new/data"));

		assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
		assertThat(mode(created)).isEqualTo("rwx------");
	}

	@Test
	void aLinkOnTheWayBelowTheRootIsRefusedNamingIt() throws IOException {
		Path victim = Files.createDirectories(this.root.resolve("victim"));
		Path reports = Files.createDirectories(this.root.resolve("reports"));
		Path link = Files.createSymbolicLink(reports.resolve("job"), victim);

		assertThatExceptionOfType(PrivateFiles.UnsafePathException.class)
			.isThrownBy(() -> PrivateFiles.directoryUnder(reports, reports.resolve("job/2026-W46")))
			.withMessageContaining(link.toString())
			.withMessageContaining("symbolic link");
		assertThatExceptionOfType(PrivateFiles.UnsafePathException.class)
			.isThrownBy(() -> PrivateFiles.directoryUnder(reports, this.root.resolve("elsewhere")))
			.withMessageContaining("is not below " + reports);
		assertThatExceptionOfType(PrivateFiles.UnsafePathException.class)
			.isThrownBy(() -> PrivateFiles.writableFolder(link))
			.withMessageContaining(link.toString());
		assertThat(Files.list(victim)).isEmpty();
		assertThat(PrivateFiles.directoryUnder(reports, reports.resolve("other/2026-W46"))).isDirectory();
	}

	@Test
	void theRootItselfMayBeALinkTheOperatorMade() throws IOException {
		Path real = Files.createDirectories(this.root.resolve("disk/archive"));
		Path archive = Files.createSymbolicLink(this.root.resolve("archive"), real);

		Path week = PrivateFiles.directoryUnder(archive, archive.resolve("demo/2026/2026-W46"), false);

		assertThat(real.resolve("demo/2026/2026-W46")).isDirectory();
		assertThat(week).isEqualTo(archive.resolve("demo/2026/2026-W46"));
	}

	@Test
	void noFileIsWrittenOrOpenedThroughALink() throws IOException {
		Path target = Files.writeString(this.root.resolve("target"), "keep");
		Path link = Files.createSymbolicLink(this.root.resolve("link"), target);

		assertThatExceptionOfType(java.nio.file.FileSystemException.class).isThrownBy(() -> PrivateFiles.newFile(link));
		assertThatExceptionOfType(PrivateFiles.UnsafePathException.class)
			.isThrownBy(() -> PrivateFiles.openLockFile(link))
			.withMessageContaining(link.toString());
		assertThatExceptionOfType(PrivateFiles.UnsafePathException.class)
			.isThrownBy(() -> PrivateFiles.readString(link));
		assertThat(Files.readString(target)).isEqualTo("keep");
		try (FileChannel lock = PrivateFiles.openLockFile(this.root.resolve("real.lock"))) {
			assertThat(Files.isRegularFile(this.root.resolve("real.lock"), LinkOption.NOFOLLOW_LINKS)).isTrue();
		}
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
	}

}
