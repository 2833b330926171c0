package io.pushloss.delivery.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import io.pushloss.domain.PrivateFiles;

/**
 * Writes files so that readers see either nothing or the complete file: the content goes to a hidden temporary file
 * in the target's own folder, is flushed to disk, and is then renamed within that folder. A rename across folders is
 * never used because network shares (SMB, NFS) do not make it atomic. Used for the archive and the mail outbox.
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	/**
	 * Writes what {@code content} produces to {@code target} owner-only ({@code 0600}), replacing an existing file
	 * atomically.
	 * @throws io.pushloss.domain.PrivateFiles.UnsafePathException when the target's folder is a symbolic link or
	 * not a directory
	 */
	public static void write(Path target, ContentWriter content) throws IOException {
		write(target, content, true);
	}

	/**
	 * Writes what {@code content} produces to {@code target}, replacing an existing file atomically; the folder must
	 * be a real directory (a symbolic link in its place is refused) and no link is followed.
	 * @param ownerOnly {@code 0600} when set, else the umask's mode (an archive on a share that others read)
	 * @throws io.pushloss.domain.PrivateFiles.UnsafePathException when the target's folder is a symbolic link or
	 * not a directory
	 */
	public static void write(Path target, ContentWriter content, boolean ownerOnly) throws IOException {
		Path folder = PrivateFiles.realDirectory(target.toAbsolutePath().getParent());
		Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			try (FileChannel channel = PrivateFiles.newFileChannel(temp, ownerOnly)) {
				OutputStream out = Channels.newOutputStream(channel);
				content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			fsyncFolder(folder);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Copies {@code source} to {@code target} atomically.
	 * @param ownerOnly {@code 0600} when set, else the umask's mode
	 */
	public static void copy(Path source, Path target, boolean ownerOnly) throws IOException {
		write(target, (out) -> Files.copy(source, out), ownerOnly);
	}

	/** Flushes a folder's entries (the rename) to disk where the file system supports it. */
	static void fsyncFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			// Not every platform or share can sync a directory; the rename itself is still atomic.
		}
	}

	/** Produces a file's content. */
	@FunctionalInterface
	public interface ContentWriter {

		void writeTo(OutputStream out) throws IOException;

	}

}
