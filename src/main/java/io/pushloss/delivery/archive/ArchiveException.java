package io.pushloss.delivery.archive;

import java.nio.file.Path;

/**
 * Archiving failed or was refused. The message names the folder and the reason (read-only, full, a file in the
 * way, an unsafe name, a week already archived with other content); nothing half-written is left visible.
 */
public class ArchiveException extends RuntimeException {

	private final Path folder;

	public ArchiveException(String message, Path folder, Throwable cause) {
		super(message, cause);
		this.folder = folder;
	}

	public ArchiveException(String message, Path folder) {
		this(message, folder, null);
	}

	/** The archive folder concerned, or {@code null} when the name was refused before any folder was chosen. */
	public Path folder() {
		return this.folder;
	}

}
