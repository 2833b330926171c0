package io.pushloss.delivery.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock of one job's folder in the archive: an exclusive operating-system lock on
 * {@code <archive>/<job>/.archive.lock}, held while a week of that job is archived, so that processes and nodes
 * sharing the archive (a network share that supports locks: NFSv4, SMB) write a job's weeks one at a time. The
 * file is opened without following symbolic links (a link planted in a shared folder is refused) and left in
 * place; the lock ends with the process that holds it. Within one process, callers must not overlap (the operating
 * system's lock belongs to the whole process): {@link ReportArchiver} serialises them.
 */
final class ArchiveLock implements AutoCloseable {

	static final String FILE_NAME = ".archive.lock";

	private static final Logger logger = LoggerFactory.getLogger(ArchiveLock.class);

	private final FileChannel channel;

	private final FileLock lock;

	private ArchiveLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Waits for the lock of a job folder, which must exist.
	 * @throws IOException when the lock file cannot be opened or locked, naming the file
	 */
	static ArchiveLock acquire(Path jobFolder) throws IOException {
		Path file = jobFolder.resolve(FILE_NAME);
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					LinkOption.NOFOLLOW_LINKS);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				logger.info("Another process is archiving into {}: waiting for {}", jobFolder, file);
				lock = channel.lock();
			}
			return new ArchiveLock(channel, lock);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new IOException("cannot lock " + file + ": " + ReportArchiver.describe(ex), ex);
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			logger.warn("Could not release the archive lock {}: {}", this.channel, ex.toString());
		}
		finally {
			closeQuietly(this.channel);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				logger.warn("Could not close an archive lock file: {}", ex.toString());
			}
		}
	}

}
