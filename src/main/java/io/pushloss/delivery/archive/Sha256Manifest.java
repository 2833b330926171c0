package io.pushloss.delivery.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SHA256SUMS} file in the format of {@code sha256sum}: one {@code <hex>  <relative path>} line per file, so
 * {@code sha256sum -c SHA256SUMS} verifies a week folder. Revision 1 lists plain names, revision n {@code rev-n/name}.
 *
 * @param entries the lines in file order
 */
public record Sha256Manifest(List<Entry> entries) {

	/** The manifest's file name. */
	public static final String FILE_NAME = "SHA256SUMS";

	private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

	private static final Pattern REVISION = Pattern.compile("rev-(\\d+)/(.+)");

	public Sha256Manifest {
		entries = List.copyOf(entries);
	}

	/** Reads a manifest; a missing file is an empty manifest. Lines that are not checksum lines are ignored. */
	public static Sha256Manifest read(Path file) throws IOException {
		List<Entry> entries = new ArrayList<>();
		// a link in the manifest's place is not read (the write replaces the link itself, never its target)
		if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				Matcher matcher = LINE.matcher(line);
				if (matcher.matches()) {
					entries.add(new Entry(matcher.group(1).toLowerCase(), matcher.group(2)));
				}
			}
		}
		return new Sha256Manifest(entries);
	}

	/** Writes the manifest atomically, owner-only. */
	public void write(Path file) throws IOException {
		write(file, true);
	}

	/**
	 * Writes the manifest atomically.
	 * @param ownerOnly {@code 0600} when set, else the umask's mode
	 */
	public void write(Path file, boolean ownerOnly) throws IOException {
		StringBuilder text = new StringBuilder();
		this.entries.forEach((entry) -> text.append(entry.sha256()).append("  ").append(entry.path()).append('\n'));
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(file, (out) -> out.write(bytes), ownerOnly);
	}

	/** The highest revision listed, 0 when empty. */
	public int latestRevision() {
		return this.entries.stream().mapToInt(Entry::revision).max().orElse(0);
	}

	/** File name to checksum of one revision. */
	public Map<String, String> revision(int revision) {
		Map<String, String> files = new LinkedHashMap<>();
		this.entries.stream()
			.filter((entry) -> entry.revision() == revision)
			.forEach((entry) -> files.put(entry.name(), entry.sha256()));
		return files;
	}

	/** This manifest with a revision's files appended. */
	public Sha256Manifest plus(int revision, Map<String, String> files) {
		List<Entry> all = new ArrayList<>(this.entries);
		files.forEach((name, sha) -> all.add(new Entry(sha, (revision == 1) ? name : "rev-" + revision + "/" + name)));
		return new Sha256Manifest(all);
	}

	/** The SHA-256 of a file, lower-case hex. */
	public static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * One line.
	 *
	 * @param sha256 lower-case hex
	 * @param path relative to the week folder, {@code /}-separated
	 */
	public record Entry(String sha256, String path) {

		/** 1 for plain names, n for {@code rev-n/...}. */
		public int revision() {
			Matcher matcher = REVISION.matcher(this.path);
			return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 1;
		}

		/** The file name within its revision folder. */
		public String name() {
			Matcher matcher = REVISION.matcher(this.path);
			return matcher.matches() ? matcher.group(2) : this.path;
		}

	}

}
