package io.pushloss.delivery.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;

/**
 * Where finished messages go: an SMTP server ({@link SmtpMailTransport}) or, when no {@code spring.mail.host} is
 * configured, the outbox folder ({@link OutboxMailTransport}).
 */
public interface MailTransport {

	/** The session new messages are created in. */
	Session session();

	/**
	 * Hands one message over, once; retries are the caller's business.
	 * @throws MailException when the message could not be handed over
	 */
	void send(MimeMessage message) throws MailException;

	/** Whether messages leave through SMTP or stay in the outbox folder. */
	MailMode mode();

	/** Where messages go, for operator messages ("SMTP server mail.example.com:587"); never contains a secret. */
	String describe();

}
