package io.pushloss.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who uses the embedded database of a data directory: {@code <data-dir>/db/owner.lock}, owner-only, opened without
 * following links, locked through the operating system (released however the process ends).
 * <p>
 * H2's automatic mixed mode lets a second process open the database through a TCP server run by the first one, so
 * the first one must outlive the second: a process that connected through another's server loses its connection
 * when that one exits. Hence:
 * <ul>
 * <li>One process that runs jobs ({@code run}, {@code backfill}, {@code restart}, {@code serve}) per data directory:
 * it holds the owner lock for as long as it runs, and writes its process id, command and start into the file. A
 * second one is refused before it starts, with one line naming the holder.</li>
 * <li>Such a process opens the database itself (it hosts it): while it opens it, it holds the opening lock
 * exclusively, waiting for read-only commands that opened the database first to finish.</li>
 * <li>Read-only commands ({@code runs}) hold the opening lock shared while they have the database open, and may read
 * while a job runs (through the running process's server); they never keep a job-running process waiting for
 * long, and if the process they read through exits, only the read fails.</li>
 * </ul>
 * The two locks are single bytes far beyond the holder's line, so the line stays readable where locks are
 * mandatory (Windows). A PostgreSQL database is shared by its own means and takes no such lock.
 */
public final class DataDirectoryLock implements AutoCloseable {

	/** The lock file's name under {@code <data-dir>/db/}. */
	public static final String FILE_NAME = "owner.lock";

	private static final long OWNER_BYTE = Long.MAX_VALUE - 2;

	private static final long OPENING_BYTE = Long.MAX_VALUE - 1;

	private static final long POLL_MILLIS = 100;

	private final Path file;

	private final FileChannel channel;

	private final FileLock owner;

	private FileLock opening;

	private DataDirectoryLock(Path file, FileChannel channel, FileLock owner, FileLock opening) {
		this.file = file;
		this.channel = channel;
		this.owner = owner;
		this.opening = opening;
	}

	/** {@code <data-dir>/db/owner.lock}. */
	public static Path file(Path dataDir) {
		return dataDir.toAbsolutePath().normalize().resolve("db").resolve(FILE_NAME);
	}

	/**
	 * Takes the data directory for a process that runs jobs, before it opens the database. Call {@link #opened()}
	 * once the database is open, {@link #close()} when the process is done with it.
	 * @param dataDir the data directory (its {@code db/} folder is created owner-only when missing)
	 * @param command what this process is, for the message of a process refused later ("serve demo")
	 * @param since when it started, for the same message
	 * @param patience how long to wait for read-only commands that have the database open
	 * @throws DataDirectoryBusyException when another process holds the data directory, naming it
	 * @throws UncheckedIOException when the lock file cannot be created or is a link
	 */
	public static DataDirectoryLock owner(Path dataDir, String command, Instant since, Duration patience) {
		Path file = file(dataDir);
		FileChannel channel = open(file);
		try {
			FileLock owner = tryLock(channel, OWNER_BYTE, false);
			if (owner == null) {
				String holder = holder(channel);
				channel.close();
				throw new DataDirectoryBusyException(dataDir.toAbsolutePath().normalize(), holder);
			}
			FileLock opening = lock(channel, OPENING_BYTE, false, patience);
			if (opening == null) {
				owner.release();
				channel.close();
				throw new DataDirectoryBusyException(dataDir.toAbsolutePath().normalize(),
						"a read-only command (runs) that has kept the database open for more than " + patience);
			}
			String line = "pid " + ProcessHandle.current().pid() + " (" + printable(command) + ") since " + since;
			channel.truncate(0);
			channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), 0);
			channel.force(false);
			return new DataDirectoryLock(file, channel, owner, opening);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot lock the data directory through " + file + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Takes the data directory for a read-only command, before it opens the database: waits while a job-running
	 * process is opening it.
	 * @throws DataDirectoryBusyException when a process keeps opening it for longer than {@code patience}
	 */
	public static DataDirectoryLock reader(Path dataDir, Duration patience) {
		Path file = file(dataDir);
		FileChannel channel = open(file);
		try {
			FileLock opening = lock(channel, OPENING_BYTE, true, patience);
			if (opening == null) {
				String holder = holder(channel);
				channel.close();
				throw new DataDirectoryBusyException(dataDir.toAbsolutePath().normalize(), holder);
			}
			return new DataDirectoryLock(file, channel, null, opening);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot lock the data directory through " + file + ": " + ex.getMessage(),
					ex);
		}
	}

	/** The lock file. */
	public Path file() {
		return this.file;
	}

	/** The database is open (this process hosts it): read-only commands may open it now. */
	public void opened() {
		release(this.opening);
		this.opening = null;
	}

	@Override
	public void close() {
		release(this.opening);
		this.opening = null;
		if (this.owner != null && this.owner.isValid()) {
			try {
				this.channel.truncate(0);
			}
			catch (IOException ex) {
				// the next holder overwrites the line
			}
		}
		release(this.owner);
		closeQuietly(this.channel);
	}

	private static FileChannel open(Path file) {
		try {
			PrivateFiles.directory(file.getParent());
			return PrivateFiles.openLockFile(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the data directory's lock file " + file + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static FileLock lock(FileChannel channel, long position, boolean shared, Duration patience)
			throws IOException {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			FileLock lock = tryLock(channel, position, shared);
			if (lock != null || System.nanoTime() - deadline >= 0) {
				return lock;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
	}

	private static FileLock tryLock(FileChannel channel, long position, boolean shared) throws IOException {
		try {
			return channel.tryLock(position, 1, shared);
		}
		catch (OverlappingFileLockException ex) {
			// held by this very process (another command of a test, or a second serve in one JVM)
			return null;
		}
	}

	private static String holder(FileChannel channel) {
		try {
			long size = Math.min(channel.size(), 512);
			ByteBuffer buffer = ByteBuffer.allocate((int) size);
			channel.read(buffer, 0);
			String line = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
			return line.isEmpty() ? "another process (it has not written its name yet)" : printable(line);
		}
		catch (IOException ex) {
			return "another process";
		}
	}

	private static String printable(String text) {
		return text.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.limit(200)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static void release(FileLock lock) {
		if (lock != null && lock.isValid()) {
			try {
				lock.release();
			}
			catch (IOException ex) {
				// closing the channel releases it as well
			}
		}
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing left to release
		}
	}

	/** Another process uses the data directory: the message names it and says what to do. */
	public static final class DataDirectoryBusyException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		private final Path dataDir;

		/**
		 * @param dataDir the data directory
		 * @param holder who holds it, as its lock file says ("pid 4242 (serve demo) since ...")
		 */
		public DataDirectoryBusyException(Path dataDir, String holder) {
			super("the data directory " + dataDir + " is in use by " + holder
					+ "; one process that runs jobs per data directory (wait for it to end, stop it, or use another "
					+ "--data-dir)");
			this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
		}

		/** The data directory. */
		public Path dataDir() {
			return this.dataDir;
		}

	}

}
