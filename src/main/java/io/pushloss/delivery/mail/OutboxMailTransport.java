package io.pushloss.delivery.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import io.pushloss.delivery.archive.AtomicFiles;
import io.pushloss.domain.PrivateFiles;

/**
 * The embedded default when no SMTP host is configured: every message becomes a complete MIME file
 * {@code <outbox>/<message-id>.eml}, written atomically, that any mail client opens. Blind recipients are not in the
 * file (there is no {@code Bcc} header to write); sending the same Message-ID again replaces its file.
 */
public class OutboxMailTransport implements MailTransport {

	private static final Logger logger = LoggerFactory.getLogger(OutboxMailTransport.class);

	private final Path outbox;

	private final Session session = Session.getInstance(new Properties());

	public OutboxMailTransport(Path outbox) {
		this.outbox = outbox.toAbsolutePath().normalize();
	}

	/** The outbox folder. */
	public Path outbox() {
		return this.outbox;
	}

	@Override
	public Session session() {
		return this.session;
	}

	@Override
	public void send(MimeMessage message) throws MailException {
		Path file;
		try {
			message.saveChanges();
			file = this.outbox.resolve(fileName(message.getMessageID()));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not prepare the message for the outbox", ex);
		}
		try {
			// a link planted in the outbox's place would send the mail (and its attachments) elsewhere
			PrivateFiles.directoryUnder(this.outbox.getParent(), this.outbox);
			AtomicFiles.write(file, (out) -> {
				try {
					message.writeTo(out);
				}
				catch (MessagingException ex) {
					throw new IOException(ex.getMessage(), ex);
				}
			});
		}
		catch (IOException ex) {
			throw new MailSendException("Could not write to the outbox folder " + this.outbox + ": " + ex, ex);
		}
		logger.debug("No SMTP host configured (spring.mail.host): wrote {}", file);
	}

	@Override
	public MailMode mode() {
		return MailMode.OUTBOX;
	}

	@Override
	public String describe() {
		return "outbox folder " + this.outbox;
	}

	/** The file name of a message: its Message-ID reduced to safe characters. */
	static String fileName(String messageId) {
		String id = (messageId != null) ? messageId.replaceAll("[<>]", "") : "message";
		String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
		if (safe.length() > 150) {
			safe = safe.substring(0, 150);
		}
		return (safe.startsWith(".") ? "_" + safe.substring(1) : safe) + ".eml";
	}

}
