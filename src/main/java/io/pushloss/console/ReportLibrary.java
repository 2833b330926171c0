package io.pushloss.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.pushloss.console.ConsoleViews.DocumentJson;
import io.pushloss.console.ConsoleViews.WeekJson;
import io.pushloss.delivery.archive.ArchivePaths;
import io.pushloss.delivery.archive.ReportArchiver;
import io.pushloss.delivery.archive.Sha256Manifest;
import io.pushloss.domain.IsoWeek;
import io.pushloss.jobdef.JobDefinition;

/**
 * The report library: a job's archived weeks ({@code <archive>/<job>/<yyyy>/<yyyy-Www>/}) with the documents of
 * each week's latest revision and their SHA-256 from its {@code SHA256SUMS}. Only files the manifest lists are
 * served, from within the week folder; links are not followed.
 */
@Component
class ReportLibrary {

	private final ReportArchiver archiver;

	ReportLibrary(ReportArchiver archiver) {
		this.archiver = archiver;
	}

	/** The job's archived weeks, newest first. */
	List<WeekJson> weeks(JobDefinition job) {
		Path jobFolder = this.archiver.root(job).resolve(ArchivePaths.segment("job name", job.name()));
		if (!Files.isDirectory(jobFolder, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		List<IsoWeek> weeks = new ArrayList<>();
		try (Stream<Path> years = Files.list(jobFolder)) {
			for (Path year : years.filter((path) -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList()) {
				try (Stream<Path> folders = Files.list(year)) {
					folders.filter((path) -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
						.map((path) -> path.getFileName().toString())
						.filter((name) -> name.matches("\\d{4}-W\\d{2}"))
						.forEach((name) -> parse(name).ifPresent(weeks::add));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the archive of " + job.name() + ": " + ex.getMessage(), ex);
		}
		return weeks.stream()
			.sorted(Comparator.reverseOrder())
			.map((week) -> week(job, week))
			.flatMap(Optional::stream)
			.toList();
	}

	/** One archived week, or empty when it is not archived. */
	Optional<WeekJson> week(JobDefinition job, IsoWeek week) {
		Path folder = this.archiver.weekFolder(job, week);
		Sha256Manifest manifest = manifest(folder);
		if (manifest.entries().isEmpty()) {
			return Optional.empty();
		}
		int revision = manifest.latestRevision();
		List<DocumentJson> documents = new ArrayList<>();
		for (Map.Entry<String, String> file : manifest.revision(revision).entrySet()) {
			Path path = folder.resolve((revision == 1) ? file.getKey() : "rev-" + revision + "/" + file.getKey());
			long size = size(path);
			documents.add(new DocumentJson(file.getKey(), size, file.getValue(),
					"/api/jobs/" + job.name() + "/weeks/" + week + "/documents/" + file.getKey()));
		}
		return Optional.of(new WeekJson(job.name(), week.toString(), revision, documents));
	}

	/** An archived document of the week's latest revision, or empty when the manifest does not list it. */
	Optional<Path> document(JobDefinition job, IsoWeek week, String name) {
		Path folder = this.archiver.weekFolder(job, week);
		Sha256Manifest manifest = manifest(folder);
		int revision = manifest.latestRevision();
		if (revision == 0 || !manifest.revision(revision).containsKey(name) || name.contains("/")
				|| name.contains("\\") || name.startsWith(".")) {
			return Optional.empty();
		}
		Path path = folder.resolve((revision == 1) ? name : "rev-" + revision + "/" + name).normalize();
		return (path.startsWith(folder) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) ? Optional.of(path)
				: Optional.empty();
	}

	private static Sha256Manifest manifest(Path folder) {
		try {
			return Sha256Manifest.read(folder.resolve(Sha256Manifest.FILE_NAME));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + folder.resolve(Sha256Manifest.FILE_NAME), ex);
		}
	}

	private static long size(Path path) {
		try {
			return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Files.size(path) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static Optional<IsoWeek> parse(String name) {
		try {
			return Optional.of(IsoWeek.parse(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
