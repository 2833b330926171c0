package io.pushloss.delivery.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.domain.IsoWeek;

/**
 * Deletes a job's oldest archived weeks beyond {@code keepWeeks}: only {@code <job>/<yyyy>/<yyyy-Www>} folders of
 * that one job in the archive (never the store of record, never other jobs, never symbolic-link targets). The week
 * just archived is never deleted in the same run, even when it is older than the kept ones (a backfill).
 */
final class ArchiveRetention {

	private static final Logger logger = LoggerFactory.getLogger(ArchiveRetention.class);

	private ArchiveRetention() {
	}

	/** Returns the week folders deleted. Failures are logged: retention never fails an archive run. */
	static List<Path> prune(Path jobFolder, int keepWeeks, IsoWeek justArchived) {
		List<WeekFolder> weeks = new ArrayList<>();
		try (DirectoryStream<Path> years = Files.newDirectoryStream(jobFolder, "[0-9][0-9][0-9][0-9]")) {
			for (Path year : years) {
				if (!Files.isDirectory(year, LinkOption.NOFOLLOW_LINKS)) {
					continue;
				}
				try (DirectoryStream<Path> folders = Files.newDirectoryStream(year)) {
					for (Path folder : folders) {
						weekOf(folder).filter((week) -> Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS))
							.ifPresent((week) -> weeks.add(new WeekFolder(week, folder)));
					}
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Archive retention skipped: cannot list {}: {}", jobFolder, ex.toString());
			return List.of();
		}
		weeks.sort(Comparator.comparing(WeekFolder::week).reversed());
		List<Path> deleted = new ArrayList<>();
		for (WeekFolder old : weeks.subList(Math.min(Math.max(keepWeeks, 1), weeks.size()), weeks.size())) {
			if (old.week().equals(justArchived)) {
				continue;
			}
			try {
				deleteTree(old.folder());
				deleted.add(old.folder());
				deleteIfEmpty(old.folder().getParent());
				logger.info("Archive retention (keep {} weeks): deleted {}", keepWeeks, old.folder());
			}
			catch (IOException ex) {
				logger.warn("Archive retention could not delete {}: {}", old.folder(), ex.toString());
			}
		}
		return deleted;
	}

	private static java.util.Optional<IsoWeek> weekOf(Path folder) {
		try {
			return java.util.Optional.of(IsoWeek.parse(folder.getFileName().toString()));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	/** Deletes a folder and its content; symbolic links are removed, never followed. */
	private static void deleteTree(Path folder) throws IOException {
		Files.walkFileTree(folder, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
				if (failure != null) {
					throw failure;
				}
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static void deleteIfEmpty(Path folder) {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			if (!entries.iterator().hasNext()) {
				Files.delete(folder);
			}
		}
		catch (IOException ex) {
			// A year folder that stays is harmless.
		}
	}

	private record WeekFolder(IsoWeek week, Path folder) {
	}

}
