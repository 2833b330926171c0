package io.pushloss.delivery.archive;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.pushloss.domain.DataDirectoryProperties;

/**
 * Where jobs that name no {@code archive.dir} archive their documents ({@code pushloss.archive.*}).
 *
 * @param directory {@code pushloss.archive.directory} (environment {@code PUSHLOSS_ARCHIVE_DIRECTORY}): the
 * archive root, for example a share that several {@code serve} nodes with data directories of their own use
 * together; {@code null} (the default) means {@code <data-dir>/archive}. A relative path resolves against the
 * working directory.
 */
@ConfigurationProperties("pushloss.archive")
public record ArchiveProperties(Path directory) {

	/** The archive root as an absolute, normalised path. */
	public Path root(DataDirectoryProperties dataDirectory) {
		Path root = (this.directory != null) ? this.directory : dataDirectory.absoluteDataDir().resolve("archive");
		return root.toAbsolutePath().normalize();
	}

}
