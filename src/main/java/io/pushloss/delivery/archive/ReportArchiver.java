package io.pushloss.delivery.archive;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.PrivateFiles;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.report.ReportDocuments;

/**
 * Copies a week's documents (summary.json, PDF, workbook) to {@code <archive>/<job>/<yyyy>/<yyyy-Www>/} and records
 * them in that week's {@code SHA256SUMS}. Every file is written atomically in its own folder (the archive may be an
 * SMB/NFS share); the manifest is written last and is what makes a revision count. An archived week is never
 * overwritten: identical content is left as it is, different content needs {@code force} and becomes
 * {@code <week>/rev-2/}, {@code rev-3/}... Afterwards the job's oldest weeks beyond {@code keepWeeks} are deleted.
 * <p>
 * The archive may be shared by several processes and nodes: the writer of a job's weeks holds the lock of
 * {@code <archive>/<job>/.archive.lock} ({@link ArchiveLock}) while it reads the manifest, writes and prunes, so a
 * second writer of the same week waits and then finds it archived.
 */
public class ReportArchiver {

	private static final Logger logger = LoggerFactory.getLogger(ReportArchiver.class);

	private final Path defaultRoot;

	/** One writer per job folder in this process (the lock file's OS lock is held for the whole process). */
	private final ConcurrentMap<Path, ReentrantLock> jobLocks = new ConcurrentHashMap<>();

	/**
	 * @param defaultRoot the archive of jobs that name none: {@code pushloss.archive.directory}, by default
	 * {@code <data-dir>/archive}
	 */
	public ReportArchiver(Path defaultRoot) {
		this.defaultRoot = defaultRoot;
	}

	/** The archive root of a job. */
	public Path root(JobDefinition job) {
		Path dir = job.archive().dir();
		return ((dir != null) ? dir : this.defaultRoot).toAbsolutePath().normalize();
	}

	/**
	 * The week folder of a job, {@code <archive>/<job>/<yyyy>/<yyyy-Www>}.
	 * @throws ArchiveException when the job name is not a safe folder name
	 */
	public Path weekFolder(JobDefinition job, IsoWeek week) {
		return ArchivePaths.within(root(job), ArchivePaths.segment("job name", job.name()),
				String.format("%04d", week.year()), ArchivePaths.segment("week", week.toString()));
	}

	/**
	 * Archives a week's documents.
	 * @param force write a new revision when the week is archived with different content
	 * @return the folder holding this content: the week folder or its {@code rev-n} folder
	 * @throws ArchiveException when the archive cannot be written (naming the folder) or the week holds other
	 * content and {@code force} is not set
	 */
	public Path archive(JobDefinition job, IsoWeek week, ReportDocuments documents, boolean force) {
		Path weekFolder = weekFolder(job, week);
		Path jobFolder = weekFolder.getParent().getParent();
		ReentrantLock inProcess = this.jobLocks.computeIfAbsent(jobFolder, (folder) -> new ReentrantLock());
		inProcess.lock();
		try {
			// a real directory below the root (a link planted for the job folder is refused), then its lock
			Path root = root(job);
			PrivateFiles.directoryUnder(root, jobFolder, ownerOnly(root));
			try (ArchiveLock lock = ArchiveLock.acquire(jobFolder)) {
				return archiveLocked(job, week, documents, force, weekFolder);
			}
		}
		catch (IOException ex) {
			throw new ArchiveException("Could not archive week " + week + " of job " + job.name() + " in "
					+ weekFolder + ": " + ex.getMessage(), weekFolder, ex);
		}
		finally {
			inProcess.unlock();
		}
	}

	// Runs while this process holds the job folder's lock: no other process or node writes the job's weeks.
	private Path archiveLocked(JobDefinition job, IsoWeek week, ReportDocuments documents, boolean force,
			Path weekFolder) {
		Map<String, Path> sources = sources(documents, weekFolder);
		Map<String, String> checksums = checksums(sources, weekFolder);
		Path manifestFile = weekFolder.resolve(Sha256Manifest.FILE_NAME);
		Path target = weekFolder;
		List<Path> written = new ArrayList<>();
		boolean createdTarget = false;
		Path root = root(job);
		boolean ownerOnly = ownerOnly(root);
		try {
			// every folder below the root is a real directory: a link planted for the week would send the
			// documents elsewhere
			PrivateFiles.directoryUnder(root, weekFolder, ownerOnly);
			Sha256Manifest manifest = Sha256Manifest.read(manifestFile);
			int latest = manifest.latestRevision();
			if (latest > 0 && manifest.revision(latest).equals(checksums)) {
				Path folder = revisionFolder(weekFolder, latest);
				logger.info("{} {} is already archived with identical content in {}: nothing written", job.name(),
						week, folder);
				prune(job, week, weekFolder);
				return folder;
			}
			if (latest > 0 && !force) {
				throw new ArchiveException("Week " + week + " of job " + job.name() + " is already archived in "
						+ revisionFolder(weekFolder, latest) + " with different content; nothing was overwritten. "
						+ "Run with --force to archive a new revision.", weekFolder);
			}
			int revision = latest + 1;
			target = revisionFolder(weekFolder, revision);
			if (revision > 1) {
				createdTarget = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
				PrivateFiles.directoryUnder(root, target, ownerOnly);
			}
			for (Map.Entry<String, Path> source : sources.entrySet()) {
				Path file = target.resolve(source.getKey());
				AtomicFiles.copy(source.getValue(), file, ownerOnly);
				written.add(file);
				if (!Sha256Manifest.sha256(file).equals(checksums.get(source.getKey()))) {
					throw new IOException("the copy of " + source.getValue() + " differs from the original");
				}
			}
			manifest.plus(revision, checksums).write(manifestFile, ownerOnly);
			logger.info("Archived {} {} revision {} in {}", job.name(), week, revision, target);
		}
		catch (IOException ex) {
			rollBack(written, createdTarget ? target : null);
			throw new ArchiveException("Could not archive week " + week + " of job " + job.name() + " in " + target
					+ ": " + describe(ex), target, ex);
		}
		prune(job, week, weekFolder);
		return target;
	}

	/**
	 * The default archive under the data directory is owner-only like the rest of it; an archive the job names
	 * ({@code archive.dir}, often a share that others read) gets the umask's modes, and the same link checks.
	 */
	private boolean ownerOnly(Path root) {
		return root.equals(this.defaultRoot.toAbsolutePath().normalize());
	}

	private void prune(JobDefinition job, IsoWeek week, Path weekFolder) {
		Integer keep = job.archive().keepWeeks();
		if (keep != null) {
			ArchiveRetention.prune(weekFolder.getParent().getParent(), keep, week);
		}
	}

	private static Path revisionFolder(Path weekFolder, int revision) {
		return (revision == 1) ? weekFolder : weekFolder.resolve("rev-" + revision);
	}

	/** The documents to archive by their (sanitised) archive names. */
	private static Map<String, Path> sources(ReportDocuments documents, Path weekFolder) {
		Map<String, Path> sources = new LinkedHashMap<>();
		for (Path file : new Path[] { documents.summaryJson(), documents.pdf(), documents.excel() }) {
			if (file == null) {
				continue;
			}
			if (!Files.isRegularFile(file)) {
				throw new ArchiveException(
						"Cannot archive " + file + " into " + weekFolder + ": the file does not exist",
						weekFolder);
			}
			String name = ArchivePaths.sanitise(file.getFileName().toString());
			if (name.equals(Sha256Manifest.FILE_NAME) || sources.putIfAbsent(name, file) != null) {
				throw new ArchiveException("Cannot archive " + file + " into " + weekFolder + ": the name " + name
						+ " is taken", weekFolder);
			}
		}
		if (sources.isEmpty()) {
			throw new ArchiveException("Nothing to archive into " + weekFolder + ": no documents were given",
					weekFolder);
		}
		return sources;
	}

	private static Map<String, String> checksums(Map<String, Path> sources, Path weekFolder) {
		Map<String, String> checksums = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, Path> source : sources.entrySet()) {
				checksums.put(source.getKey(), Sha256Manifest.sha256(source.getValue()));
			}
		}
		catch (IOException ex) {
			throw new ArchiveException("Cannot read the documents to archive into " + weekFolder + ": " + describe(ex),
					weekFolder, ex);
		}
		return checksums;
	}

	/** Removes what this run made visible before it failed, so a half-written revision never shows. */
	private static void rollBack(List<Path> written, Path createdFolder) {
		for (Path file : written) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Could not remove {} after a failed archive run: {}", file, ex.toString());
			}
		}
		if (createdFolder != null) {
			try {
				Files.deleteIfExists(createdFolder);
			}
			catch (IOException ex) {
				logger.warn("Could not remove {} after a failed archive run: {}", createdFolder, ex.toString());
			}
		}
	}

	/** One line for an operator: what went wrong with which path. */
	static String describe(IOException failure) {
		if (failure instanceof AccessDeniedException denied) {
			return "permission denied (read-only share or no write access) on " + denied.getFile();
		}
		if (failure instanceof FileAlreadyExistsException exists) {
			return "a file is in the way at " + exists.getFile();
		}
		if (failure instanceof FileSystemException fs && fs.getReason() != null) {
			return fs.getReason() + ((fs.getFile() != null) ? " (" + fs.getFile() + ")" : "");
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

}
