package io.pushloss.delivery.mail;

import java.util.Objects;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}. The SMTP envelope lists every
 * recipient including the blind ones ({@link EnvelopeMimeMessage#getAllRecipients()}); the headers do not.
 */
public class SmtpMailTransport implements MailTransport {

	private final JavaMailSender sender;

	private final Session session;

	public SmtpMailTransport(JavaMailSender sender) {
		this.sender = Objects.requireNonNull(sender, "sender");
		this.session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: sender.createMimeMessage().getSession();
	}

	@Override
	public Session session() {
		return this.session;
	}

	@Override
	public void send(MimeMessage message) throws MailException {
		this.sender.send(message);
	}

	@Override
	public MailMode mode() {
		return MailMode.SMTP;
	}

	@Override
	public String describe() {
		if (this.sender instanceof JavaMailSenderImpl impl) {
			return "SMTP server " + impl.getHost() + ((impl.getPort() > 0) ? ":" + impl.getPort() : "");
		}
		return "the configured mail sender";
	}

}
