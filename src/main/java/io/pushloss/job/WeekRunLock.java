package io.pushloss.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

import io.pushloss.domain.IsoWeek;

/**
 * A lock per job and week, {@code <data-dir>/locks/<job>-<week>.lock}, held by the process that runs the week for
 * as long as it runs it. The operating system releases it when that process ends, however it ends (SIGKILL, power
 * loss of a container), so whoever takes it knows that no live process is running the week: an execution the job
 * repository still marks as running is a leftover of a dead process and can be recovered.
 * <p>
 * The file holds the holder's process id, for the message of whoever finds it taken. The file itself is left in
 * place: deleting it while another process waits on it would let two processes hold "the" lock.
 */
final class WeekRunLock implements AutoCloseable {

	private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9-]{1,64}");

	private final FileChannel channel;

	private final FileLock lock;

	private WeekRunLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock file of a job and week below a data directory. */
	static Path file(Path dataDir, String jobName, IsoWeek week) {
		if (!SAFE_NAME.matcher(jobName).matches()) {
			// JobDefinitionLoader only lets [a-z0-9-]+ through; a name built in code must not pick a path either
			throw new IllegalArgumentException("Job name '" + jobName + "' is not [a-z0-9-]{1,64}: no lock file for it");
		}
		return dataDir.resolve("locks").resolve(jobName + "-" + week + ".lock");
	}

	/**
	 * Takes the lock without waiting.
	 * @return the lock, or empty when another process (or another run in this process) holds it
	 * @throws UncheckedIOException when the lock file cannot be created or opened
	 */
	static Optional<WeekRunLock> tryAcquire(Path file) {
		FileChannel channel = null;
		try {
			Files.createDirectories(file.getParent());
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				return Optional.empty();
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)),
					0);
			return Optional.of(new WeekRunLock(channel, lock));
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot open the run lock " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The process id written by the current holder, or {@code "?"} when it cannot be read. */
	static String holder(Path file) {
		try {
			String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
			return pid.matches("[0-9]{1,19}") ? pid : "?";
		}
		catch (IOException ex) {
			return "?";
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// closing the channel below releases it as well
		}
		closeQuietly(this.channel);
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing left to release
			}
		}
	}

}
