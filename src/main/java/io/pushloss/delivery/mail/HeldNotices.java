package io.pushloss.delivery.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;

import io.pushloss.domain.PrivateFiles;

/**
 * Failure notices that could not be sent (SMTP down or stalled), kept as owner-only {@code .eml} files in
 * {@code <data-dir>/held-notices/} and numbered in the order they were held. {@link #release(MailTransport)} sends
 * them, oldest first, and deletes each one once the transport took it, so each is sent once; it stops at the first
 * one the transport refuses, keeping it and the newer ones for the next time. Files are written and read through
 * {@link PrivateFiles}: a symbolic link in place of the folder or of a notice is refused, never followed.
 */
public class HeldNotices {

	private static final Logger logger = LoggerFactory.getLogger(HeldNotices.class);

	private static final Pattern NAME = Pattern.compile("notice-(\\d{10})\\.eml");

	private static final int MAX_CREATE_ATTEMPTS = 100;

	private final Path dataDir;

	private final Path folder;

	/**
	 * @param dataDir the data directory; the notices are kept in its {@code held-notices} folder
	 */
	public HeldNotices(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.folder = this.dataDir.resolve("held-notices");
	}

	/** The folder the notices are kept in. */
	public Path folder() {
		return this.folder;
	}

	/**
	 * Keeps a notice that could not be sent.
	 * @param message the finished message
	 * @param what what it is, for the log ("the failure notice of job demo (step deliver failed for 2026-W46)")
	 * @return the file it was kept in
	 * @throws IOException when it cannot be written (the caller logs it: the notice is then lost)
	 */
	public synchronized Path hold(MimeMessage message, String what) throws IOException {
		try {
			message.saveChanges();
		}
		catch (MessagingException ex) {
			throw new IOException("Cannot hold " + what + ": the message cannot be written: " + ex.getMessage(), ex);
		}
		PrivateFiles.directoryUnder(this.dataDir, this.folder);
		for (int attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
			Path file = this.folder.resolve(String.format("notice-%010d.eml", nextNumber()));
			try (OutputStream out = PrivateFiles.newFile(file)) {
				message.writeTo(out);
			}
			catch (FileAlreadyExistsException ex) {
				continue;
			}
			catch (MessagingException ex) {
				Files.deleteIfExists(file);
				throw new IOException("Cannot hold " + what + " in " + file + ": " + ex.getMessage(), ex);
			}
			logger.warn("Held {} in {}: it is sent once mail works again", what, file);
			return file;
		}
		throw new IOException("Cannot hold " + what + ": no free file name in " + this.folder);
	}

	/** The held notices, oldest first. */
	public synchronized List<Path> held() throws IOException {
		if (!Files.exists(this.folder, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		PrivateFiles.realDirectory(this.folder);
		try (Stream<Path> entries = Files.list(this.folder)) {
			return entries.filter((entry) -> NAME.matcher(entry.getFileName().toString()).matches())
				.filter((entry) -> Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))
				.sorted()
				.toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Sends the held notices through a transport that just worked, oldest first, each once. Never throws: a notice
	 * the transport refuses is kept (with the newer ones) and logged.
	 * @return how many were sent
	 */
	public synchronized int release(MailTransport transport) {
		List<Path> files;
		try {
			files = held();
		}
		catch (IOException ex) {
			logger.warn("Cannot read the held failure notices in {}: {}", this.folder, ex.getMessage());
			return 0;
		}
		int sent = 0;
		for (Path file : files) {
			String subject = "?";
			try {
				byte[] bytes = PrivateFiles.readString(file).getBytes(StandardCharsets.UTF_8);
				MimeMessage message = new MimeMessage(transport.session(), new ByteArrayInputStream(bytes));
				subject = message.getSubject();
				transport.send(message);
			}
			catch (IOException | MessagingException | MailException ex) {
				logger.warn("Could not send the held failure notice {} (\"{}\") through {}; it stays held: {}", file,
						subject, transport.describe(), MailErrors.describe(ex));
				return sent;
			}
			sent++;
			try {
				Files.delete(file);
				logger.info("Sent the held failure notice {} (\"{}\") through {}", file, subject, transport.describe());
			}
			catch (IOException ex) {
				logger.error("Sent the held failure notice {} (\"{}\") but cannot delete it, so it would be sent "
						+ "again; stopping: {}", file, subject, ex.getMessage());
				return sent;
			}
		}
		return sent;
	}

	private long nextNumber() throws IOException {
		long max = 0;
		for (Path file : held()) {
			Matcher matcher = NAME.matcher(file.getFileName().toString());
			if (matcher.matches()) {
				max = Math.max(max, Long.parseLong(matcher.group(1)));
			}
		}
		return max + 1;
	}

}
