package io.pushloss.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders the program creates under its data directory belong to the user it runs as: folders are created
 * {@code 0700} and files {@code 0600} whatever the umask, lock files are opened without following a symbolic link,
 * and a folder that a writer is about to write into is checked to be a real directory below its root (a symbolic
 * link planted in its place is refused, naming the path). On file systems without POSIX permissions (Windows) the
 * permissions are left to the platform; the link checks still apply.
 * <p>
 * Every writer of the program goes through here: the database folder and its credential, the lock files, the
 * reports, the archive, the outbox and the log folder.
 */
public final class PrivateFiles {

	/** {@code rwx------}. */
	public static final Set<PosixFilePermission> OWNER_DIRECTORY = Collections
		.unmodifiableSet(EnumSet.copyOf(PosixFilePermissions.fromString("rwx------")));

	/** {@code rw-------}. */
	public static final Set<PosixFilePermission> OWNER_FILE = Collections
		.unmodifiableSet(EnumSet.copyOf(PosixFilePermissions.fromString("rw-------")));

	private PrivateFiles() {
	}

	/** Whether the file system of a path has POSIX permissions. */
	public static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * Creates a folder and its missing parents owner-only ({@code 0700}); existing parents keep their mode (the
	 * operator chose them), an existing folder is made owner-only when it is not already.
	 * @return the folder, absolute and normalised
	 * @throws UnsafePathException when the folder exists and is not a directory
	 * @throws IOException when it cannot be created
	 */
	public static Path directory(Path dir) throws IOException {
		Path target = dir.toAbsolutePath().normalize();
		if (createMissing(target).isEmpty()) {
			restrict(target);
		}
		return target;
	}

	/**
	 * Creates a folder and its missing parents owner-only ({@code 0700}), leaving an existing folder as it is: for a
	 * folder the operator names (the data directory, which might be shared with other things), whose mode is the
	 * operator's choice; what the program puts in it is owner-only.
	 * @return the folder, absolute and normalised
	 * @throws UnsafePathException when the path exists and is not a directory
	 */
	public static Path ensureDirectory(Path dir) throws IOException {
		Path target = dir.toAbsolutePath().normalize();
		if (Files.isDirectory(target)) {
			return target;
		}
		createMissing(target);
		return target;
	}

	/**
	 * Creates the missing folders of an absolute path owner-only, from the topmost down.
	 * @return the folders it created, topmost first (none when the path exists)
	 * @throws UnsafePathException when the path then is not a directory
	 */
	private static List<Path> createMissing(Path target) throws IOException {
		List<Path> missing = new ArrayList<>();
		for (Path current = target; current != null && !Files.exists(current, LinkOption.NOFOLLOW_LINKS); current = current
			.getParent()) {
			missing.add(0, current);
		}
		for (Path create : missing) {
			createOwnerOnly(create);
		}
		if (!Files.isDirectory(target)) {
			throw new UnsafePathException(target, "is not a directory");
		}
		return missing;
	}

	/**
	 * Makes sure {@code dir} is a real directory below {@code root}: the root is created owner-only when missing
	 * (it may be a link the operator made), every folder from below the root down to {@code dir} must be a
	 * directory and not a symbolic link, and the missing ones are created owner-only.
	 * @return {@code dir}, absolute and normalised
	 * @throws UnsafePathException naming the path when {@code dir} is not below {@code root}, or a folder on the
	 * way is a symbolic link or not a directory
	 */
	public static Path directoryUnder(Path root, Path dir) throws IOException {
		return directoryUnder(root, dir, true);
	}

	/**
	 * {@link #directoryUnder(Path, Path)}, creating the missing folders owner-only or, for a place that others are
	 * meant to read (an archive on a share), with the umask's mode.
	 * @param ownerOnly whether missing folders are created {@code 0700}
	 */
	public static Path directoryUnder(Path root, Path dir, boolean ownerOnly) throws IOException {
		Path base = root.toAbsolutePath().normalize();
		Path target = dir.toAbsolutePath().normalize();
		if (!target.startsWith(base)) {
			throw new UnsafePathException(target, "is not below " + base);
		}
		ensureDirectory(base);
		Path current = base;
		for (Path name : base.relativize(target)) {
			if (name.toString().isEmpty()) {
				continue;
			}
			current = current.resolve(name);
			BasicFileAttributes attributes = attributes(current);
			if (attributes == null) {
				if (ownerOnly) {
					createOwnerOnly(current);
				}
				else {
					createPlain(current);
				}
				attributes = attributes(current);
			}
			requireRealDirectory(current, attributes);
		}
		return target;
	}

	/**
	 * The folder a writer writes a file into: missing folders are created owner-only, and the folder itself must be a
	 * real directory, not a symbolic link (one planted in its place would send the file elsewhere).
	 * @throws UnsafePathException naming the folder when it is a link or not a directory
	 */
	public static Path writableFolder(Path dir) throws IOException {
		Path target = dir.toAbsolutePath().normalize();
		if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			directory(target);
		}
		return realDirectory(target);
	}

	/**
	 * Checks that a folder is a real directory, not a symbolic link (before writing into it).
	 * @throws UnsafePathException naming the folder otherwise
	 */
	public static Path realDirectory(Path dir) throws IOException {
		Path target = dir.toAbsolutePath().normalize();
		requireRealDirectory(target, attributes(target));
		return target;
	}

	/**
	 * Creates a new file owner-only ({@code 0600}) for writing, never through a symbolic link.
	 * @throws FileAlreadyExistsException when a file is already there
	 * @throws UnsafePathException when a symbolic link is there
	 */
	public static OutputStream newFile(Path file) throws IOException {
		return Channels.newOutputStream(newFileChannel(file));
	}

	/**
	 * Opens a new file owner-only ({@code 0600}) for writing, never through a symbolic link.
	 * @throws FileAlreadyExistsException when something (a file or a link) is already there
	 */
	public static FileChannel newFileChannel(Path file) throws IOException {
		return newFileChannel(file, true);
	}

	/**
	 * Opens a new file for writing, never through a symbolic link.
	 * @param ownerOnly {@code 0600} when set, else the umask's mode (a file others are meant to read)
	 * @throws FileAlreadyExistsException when something (a file or a link) is already there
	 */
	public static FileChannel newFileChannel(Path file, boolean ownerOnly) throws IOException {
		return ownerOnly ? open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
				: FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
						LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * Opens a lock file for reading and writing, creating it owner-only when missing; a symbolic link in its place
	 * is refused (its target is never written). An existing file is made owner-only.
	 * @throws UnsafePathException when the path is a symbolic link or not a regular file
	 */
	public static FileChannel openLockFile(Path file) throws IOException {
		return openLockFile(file, true);
	}

	/**
	 * {@link #openLockFile(Path)}, creating the file owner-only or, in a place others are meant to read (a shared
	 * archive), with the umask's mode.
	 * @param ownerOnly whether the file is created (and kept) {@code 0600}
	 * @throws UnsafePathException when the path is a symbolic link or not a regular file
	 */
	public static FileChannel openLockFile(Path file, boolean ownerOnly) throws IOException {
		Path target = file.toAbsolutePath().normalize();
		BasicFileAttributes attributes = attributes(target);
		if (attributes != null && !attributes.isRegularFile()) {
			throw new UnsafePathException(target, attributes.isSymbolicLink()
					? "is a symbolic link; a lock file is never opened through a link" : "is not a regular file");
		}
		if (!ownerOnly) {
			return FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
		}
		FileChannel channel = open(target, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		restrict(target);
		return channel;
	}

	/**
	 * Reads a small file, refusing a symbolic link in its place.
	 * @throws UnsafePathException when the path is a symbolic link or not a regular file
	 */
	public static String readString(Path file) throws IOException {
		Path target = file.toAbsolutePath().normalize();
		BasicFileAttributes attributes = attributes(target);
		if (attributes == null) {
			throw new NoSuchFileException(target.toString());
		}
		if (!attributes.isRegularFile()) {
			throw new UnsafePathException(target, attributes.isSymbolicLink()
					? "is a symbolic link; it is not followed" : "is not a regular file");
		}
		try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			return new String(Channels.newInputStream(channel).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/**
	 * Makes an existing file {@code 0600} or folder {@code 0700} when it is not already, without following a link.
	 * Best effort: a file that is not this user's (or a file system that refuses) keeps its mode, since everything
	 * the program creates is created owner-only anyway and its folders keep others out.
	 */
	public static void restrict(Path path) {
		if (!posix(path)) {
			return;
		}
		try {
			BasicFileAttributes attributes = attributes(path);
			if (attributes == null || attributes.isSymbolicLink()) {
				return;
			}
			Set<PosixFilePermission> wanted = attributes.isDirectory() ? OWNER_DIRECTORY : OWNER_FILE;
			if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
				Files.setPosixFilePermissions(path, wanted);
			}
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			// best effort, see above
		}
	}

	/** {@link #restrict(Path)} on a folder and the files directly in it (not following links). */
	public static void restrictFolder(Path dir) {
		restrict(dir);
		if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> entries = Files.list(dir)) {
			entries.filter((entry) -> Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))
				.forEach(PrivateFiles::restrict);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			// best effort, see restrict
		}
	}

	private static FileChannel open(Path file, OpenOption... options) throws IOException {
		List<OpenOption> all = new ArrayList<>(List.of(options));
		all.add(LinkOption.NOFOLLOW_LINKS);
		Set<OpenOption> set = new java.util.HashSet<>(all);
		try {
			return posix(file) ? FileChannel.open(file, set, PosixFilePermissions.asFileAttribute(OWNER_FILE))
					: FileChannel.open(file, set);
		}
		catch (FileSystemException ex) {
			if (Files.isSymbolicLink(file)) {
				throw new UnsafePathException(file, "is a symbolic link; it is not followed");
			}
			throw ex;
		}
	}

	private static void createOwnerOnly(Path dir) throws IOException {
		try {
			if (posix(dir)) {
				FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY);
				Files.createDirectory(dir, mode);
				// the umask may have taken the owner's bits too: set exactly 0700
				restrict(dir);
			}
			else {
				Files.createDirectory(dir);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// created by someone else meanwhile: the callers check what it is
		}
	}

	private static void createPlain(Path dir) throws IOException {
		try {
			Files.createDirectory(dir);
		}
		catch (FileAlreadyExistsException ex) {
			// created by someone else meanwhile: the callers check what it is
		}
	}

	private static BasicFileAttributes attributes(Path path) throws IOException {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

	private static void requireRealDirectory(Path path, BasicFileAttributes attributes) throws IOException {
		if (attributes == null) {
			throw new NoSuchFileException(path.toString(), null, "the folder does not exist");
		}
		if (attributes.isSymbolicLink()) {
			throw new UnsafePathException(path,
					"is a symbolic link where a real directory is required; refusing to write through it");
		}
		if (!attributes.isDirectory()) {
			throw new UnsafePathException(path, "is not a directory");
		}
	}

	/**
	 * A path that would redirect a write: a symbolic link, something other than a directory, or a path outside its
	 * root. The message names the path.
	 */
	public static final class UnsafePathException extends FileSystemException {

		private static final long serialVersionUID = 1L;

		/**
		 * @param path the offending path
		 * @param reason what is wrong with it
		 */
		public UnsafePathException(Path path, String reason) {
			super(path.toString(), null, reason);
		}

	}

}
