package io.pushloss.delivery.archive;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Keeps every archive path inside the archive root. Job names and weeks must be plain names
 * ({@code [A-Za-z0-9][A-Za-z0-9._-]*}, at most 128 characters, not a Windows device name) or are refused; file
 * names taken from elsewhere (document names that contain a job name or TaskID) are sanitised to that alphabet. Any
 * resolved path is checked to lie below the root.
 */
public final class ArchivePaths {

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	/** Names that SMB shares on Windows servers cannot hold. */
	private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?");

	private ArchivePaths() {
	}

	/**
	 * Checks one folder name such as a job name or week.
	 * @param what what the name is, for the message ("job name")
	 * @throws ArchiveException when the name could leave its folder or is not portable
	 */
	public static String segment(String what, String name) {
		if (name == null || !SEGMENT.matcher(name).matches() || RESERVED.matcher(name).matches()) {
			throw new ArchiveException("Refusing to archive: the " + what + " '" + printable(name)
					+ "' is not a plain folder name (letters, digits, '.', '_', '-'; not starting with '.')", null);
		}
		return name;
	}

	/** Turns any text into a safe file name: other characters become {@code _}, a leading dot too. */
	public static String sanitise(String name) {
		String safe = (name != null) ? name.replaceAll("[^A-Za-z0-9._-]", "_") : "";
		if (safe.isEmpty()) {
			return "_";
		}
		if (safe.startsWith(".")) {
			safe = "_" + safe.substring(1);
		}
		if (safe.length() > 128) {
			safe = safe.substring(0, 128);
		}
		return RESERVED.matcher(safe).matches() ? "_" + safe : safe;
	}

	/**
	 * Resolves checked segments below a root.
	 * @throws ArchiveException when a segment is unsafe or the result is not below the root
	 */
	public static Path within(Path root, String... segments) {
		Path base = root.toAbsolutePath().normalize();
		Path path = base;
		for (String segment : segments) {
			path = path.resolve(segment("path segment", segment));
		}
		Path normalised = path.normalize();
		if (!normalised.startsWith(base) || normalised.equals(base) && segments.length > 0) {
			throw new ArchiveException("Refusing to archive outside the archive root " + base + ": " + path, base);
		}
		return normalised;
	}

	private static String printable(String name) {
		if (name == null) {
			return "null";
		}
		StringBuilder text = new StringBuilder();
		name.codePoints().limit(200).forEach((c) -> {
			if (Character.isISOControl(c)) {
				text.append(String.format("\\u%04x", c));
			}
			else {
				text.appendCodePoint(c);
			}
		});
		return text.toString();
	}

}
